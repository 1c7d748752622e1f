package checklist_test

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/checklist"
	"github.com/goedgesprek/goedgesprek/norm"
)

// docListHeading opens the section of doc.go that TestDocListsEveryCriterion
// writes; the section ends at the next heading.
const docListHeading = "// # Criteria and their sources"

// TestDocListsEveryCriterion: doc.go lists every criterion of the
// catalogue with its rule and source (item, place in seed 001,
// principles), exactly as the catalogue has them (issue 13: the list must
// not drift). Adding or changing a criterion fails this test until the
// list is rewritten with
//
//	go test ./checklist -run TestDocListsEveryCriterion -update
func TestDocListsEveryCriterion(t *testing.T) {
	b, err := os.ReadFile("doc.go")
	require.NoError(t, err)
	doc := string(b)
	start := strings.Index(doc, docListHeading+"\n")
	require.GreaterOrEqual(t, start, 0, "doc.go has no section %q", docListHeading)
	body := start + len(docListHeading) + 1
	end := strings.Index(doc[body:], "\n// # ")
	require.GreaterOrEqual(t, end, 0, "the section %q must be followed by another heading", docListHeading)
	end += body + 1

	want := docList()
	if updating() {
		require.NoError(t, os.WriteFile("doc.go", []byte(doc[:body]+want+doc[end:]), 0o644))
		return
	}
	assert.Equal(t, want, doc[body:end], "doc.go's list of criteria differs from the catalogue: run go test ./checklist -run TestDocListsEveryCriterion -update")
	for _, c := range checklist.Criteria() {
		assert.Contains(t, doc[body:end], "//   - "+string(c.ID)+" (", "doc.go lists %s", c.ID)
	}
	assert.Contains(t, doc, strconv.Itoa(len(checklist.Criteria()))+" criteria", "doc.go gives the number of criteria")
}

// docList is the body of the section: an introduction, then per item a
// line with its title, source and weight and a bullet per criterion.
func docList() string {
	var sb strings.Builder
	line := func(s string) { sb.WriteString(strings.TrimRight("// "+s, " ") + "\n") }
	para := func(first, rest, s string) {
		for _, l := range wrap(s, 74-len(first)) {
			line(first + l)
			first = rest
		}
	}
	srcs := map[norm.Programme][]string{}
	var progs []norm.Programme
	for _, p := range norm.Principles() {
		if _, ok := srcs[p.Programme]; !ok {
			progs = append(progs, p.Programme)
		}
		s := p.Source.String()
		if l := srcs[p.Programme]; len(l) == 0 || l[len(l)-1] != s {
			srcs[p.Programme] = append(l, s)
		}
	}
	var from []string
	for _, pr := range progs {
		ids := []string{}
		for _, p := range norm.Principles() {
			if p.Programme == pr {
				ids = append(ids, string(p.ID))
			}
		}
		from = append(from, ids[0]+".."+ids[len(ids)-1]+" from "+strings.Join(srcs[pr], "; "))
	}
	line("")
	para("", "", "Every criterion with its rule and its source: the checklist item and "+
		"its place in seed 001, and the principles it serves ("+strings.Join(from, "; ")+"). "+
		"A criterion weighs 2 when critical and 1 otherwise unless its line says otherwise. "+
		"The list is generated from the catalogue and a test fails when the two differ: "+
		"go test ./checklist -run TestDocListsEveryCriterion -update rewrites it.")
	for _, it := range checklist.Items() {
		line("")
		para("", "", string(it.ID)+", "+it.Title.EN+" ("+it.Source.String()+"; weight "+num(it.Weight)+"):")
		line("")
		for _, c := range it.Criteria {
			var tags []string
			tags = append(tags, string(c.Type))
			if c.Critical && c.Weight != 2 || !c.Critical && c.Weight != 1 {
				tags = append(tags, "weight "+num(c.Weight))
			}
			if c.Critical {
				tags = append(tags, "critical")
			}
			if c.Evidence {
				tags = append(tags, "evidence")
			}
			ps := make([]string, len(c.Principles))
			for i, p := range c.Principles {
				ps[i] = string(p)
			}
			s := string(c.ID) + " (" + strings.Join(tags, ", ") + "; " + strings.Join(ps, ", ") + "): " + ruleText(c)
			if c.Source != it.Source {
				s += "; source " + c.Source.String()
			}
			para("  - ", "    ", s+".")
		}
	}
	line("")
	return sb.String()
}

// ruleText says in words when a criterion is met and partially met.
func ruleText(c *checklist.Criterion) string {
	t := c.Rule.Threshold
	pct := ""
	if c.Type == checklist.TypePercent {
		pct = "%"
	}
	// bounds gives both bounds, each followed by each, then tail.
	bounds := func(op, each, tail string) string {
		s := "met at " + op + " " + num(t.Met) + each
		if t.Partial != t.Met {
			s += ", partially met at " + op + " " + num(t.Partial) + each
		}
		return s + tail
	}
	var s string
	switch c.Rule.Kind {
	case checklist.RuleTrue:
		s = "met when yes"
	case checklist.RuleGrade:
		var parts []string
		for _, r := range []checklist.Result{checklist.Met, checklist.PartiallyMet, checklist.NotApplicable} {
			var codes []string
			for _, o := range c.Options {
				if o.Result == r {
					codes = append(codes, o.Code)
				}
			}
			if len(codes) > 0 {
				parts = append(parts, strings.ReplaceAll(string(r), "_", " ")+" "+strings.Join(codes, ", "))
			}
		}
		s = strings.Join(parts, "; ")
	case checklist.RuleAtLeast:
		s = bounds("≥", pct, "")
	case checklist.RuleCount:
		s = bounds("≥", "", " (of "+strconv.Itoa(len(c.Options))+" options)")
		if len(c.Rule.AnyOf) > 0 {
			s += "; met also needs one of " + strings.Join(c.Rule.AnyOf, ", ")
		}
	case checklist.RuleCoverage:
		s = "met at ≥ " + num(t.Met) + "% of the " + strconv.Itoa(len(c.Rule.Required)) +
			" required codes, partially met when every category of them has a chosen code"
		if t.Partial > 0 {
			s += " and ≥ " + num(t.Partial) + "%"
		}
	case checklist.RuleRecent:
		s = bounds("≤", "", " months before the assessment date")
	default:
		s = "rule " + string(c.Rule.Kind)
	}
	s = string(c.Rule.Kind) + ", " + s
	if c.MeasuredBy != "" {
		s += "; the register decides (" + string(c.MeasuredBy) + ")"
	}
	return s
}

func num(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// wrap breaks s into lines of at most width bytes at spaces.
func wrap(s string, width int) []string {
	var out []string
	cur := ""
	for _, w := range strings.Fields(s) {
		if cur != "" && len(cur)+1+len(w) > width {
			out = append(out, cur)
			cur = w
			continue
		}
		if cur != "" {
			cur += " "
		}
		cur += w
	}
	return append(out, cur)
}
