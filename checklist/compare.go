package checklist

import (
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/goedgesprek/goedgesprek/norm"
)

// Change says which way something moved between two assessments.
type Change string

// The changes. Changed is a different result that is neither better nor
// worse: unanswered against not met (both score nothing), or not
// applicable on one side only.
const (
	Improved  Change = "improved"
	Worse     Change = "worse"
	Unchanged Change = "unchanged"
	Changed   Change = "changed"
)

var changes = []Change{Improved, Worse, Unchanged, Changed}

// MarshalText implements encoding.TextMarshaler.
func (c Change) MarshalText() ([]byte, error) { return norm.MarshalCode("change", c, changes) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (c *Change) UnmarshalText(b []byte) error {
	v, err := norm.ParseCode("change", string(b), changes)
	if err != nil {
		return err
	}
	*c = v
	return nil
}

// Comparison is what changed between two reports of one organisation:
// the score, the rating and why, every item and criterion with its old and
// new result, and the findings resolved and new. Texts are in the reports'
// language. See [Compare].
type Comparison struct {
	Organisation Organisation `json:"organisation"` // as the new report names it
	Language     norm.Lang    `json:"language"`
	OldDate      norm.Date    `json:"old_date"`
	NewDate      norm.Date    `json:"new_date"`

	OldScore    float64      `json:"old_score"`
	NewScore    float64      `json:"new_score"`
	ScoreChange float64      `json:"score_change"` // new minus old, to one decimal
	Rating      RatingChange `json:"rating"`

	Items []ItemChange `json:"items"` // GG01..GG14
	// Improved and Worse list the items whose score went up or down, in
	// checklist order.
	Improved []ItemID `json:"improved"`
	Worse    []ItemID `json:"worse"`

	// Resolved are the old report's findings the new one no longer has,
	// New the new report's findings the old one did not have, and
	// Remaining how many findings both have. A finding is the same when
	// its code and criterion are.
	Resolved  []Finding `json:"resolved"`
	New       []Finding `json:"new"`
	Remaining int       `json:"remaining"`

	// PolicyChanged is set when the two reports may have been made with
	// different policies: another catalogue version or rating bounds (a
	// report of last year against this year's rules), another evidence age,
	// or overridden weights or
	// thresholds on either side (see [Policy]). Part of a change in score
	// may then come from the policy rather than the organisation.
	PolicyChanged bool `json:"policy_changed,omitempty"`
}

// RatingChange is the rating before and after, and why it moved or not.
type RatingChange struct {
	Old     Rating     `json:"old"`
	New     Rating     `json:"new"`
	OldRule RatingRule `json:"old_rule"`
	NewRule RatingRule `json:"new_rule"`
	Change  Change     `json:"change"`
	Reason  string     `json:"reason"`
	// Lifted are the critical criteria that kept the old rating from green
	// and no longer do; Added the ones that newly do. Checklist order.
	Lifted []CriterionID `json:"lifted,omitempty"`
	Added  []CriterionID `json:"added,omitempty"`
}

// ItemChange is one item in both reports.
type ItemChange struct {
	ID        ItemID            `json:"id"`
	Title     string            `json:"title"`
	OldScore  float64           `json:"old_score"`
	NewScore  float64           `json:"new_score"`
	OldResult Result            `json:"old_result"`
	NewResult Result            `json:"new_result"`
	Change    Change            `json:"change"`
	Criteria  []CriterionChange `json:"criteria"`
}

// CriterionChange is one criterion in both reports, with both answers.
type CriterionChange struct {
	ID        CriterionID `json:"id"`
	OldResult Result      `json:"old_result"`
	NewResult Result      `json:"new_result"`
	OldAnswer Value       `json:"old_answer,omitzero"`
	NewAnswer Value       `json:"new_answer,omitzero"`
	Change    Change      `json:"change"`
	Critical  bool        `json:"critical,omitempty"`
}

// SameOrganisation reports whether two organisation descriptions name the
// same organisation, as [Compare] decides it: the same kind, and the same
// name compared without regard to case and to spaces at either end or
// repeated between words. The number of employees and managers may change
// between two assessments and is not compared.
func SameOrganisation(a, b Organisation) bool {
	return a.Kind == b.Kind && sameName(a.Name, b.Name)
}

// sameName compares two organisation names ignoring case and runs of
// white space; WithNorm uses it too.
func sameName(a, b string) bool { return strings.EqualFold(foldSpaces(a), foldSpaces(b)) }

func foldSpaces(s string) string { return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ") }

// Compare sets two reports of one organisation side by side: old is the
// earlier assessment, new the later. It refuses, with a *norm.Error whose
// pointers name the fields of the new report, two reports of different
// organisations (see [SameOrganisation]), a new report dated before the old
// one, reports in different languages or of another layout version, and
// reports whose items or criteria do not match, rather than compare what
// cannot be compared.
func Compare(old, new Report) (Comparison, error) {
	const op = "checklist.Compare"
	var ps []norm.Problem
	add := func(ptr string, code norm.ProblemCode, msg norm.Text) {
		ps = append(ps, norm.Problem{Pointer: ptr, Code: code, Message: msg})
	}
	if old.Version != ReportVersion || new.Version != ReportVersion {
		add("/version", norm.CodeEnum, norm.Textf("beide rapporten moeten versie %s hebben, niet %q en %q",
			"both reports must be version %s, not %q and %q", ReportVersion, old.Version, new.Version))
	}
	if !SameOrganisation(old.Organisation, new.Organisation) {
		add("/organisation", norm.CodeReference, norm.Textf(
			"de rapporten gaan over verschillende organisaties (%q, %s en %q, %s): vergelijk alleen twee rapporten van één organisatie, met dezelfde naam en soort",
			"the reports are about different organisations (%q, %s and %q, %s): compare only two reports of one organisation, with the same name and kind",
			old.Organisation.Name, old.Organisation.Kind, new.Organisation.Name, new.Organisation.Kind))
	}
	if new.AssessmentDate.Before(old.AssessmentDate) {
		add("/assessment_date", norm.CodeOrder, norm.Textf(
			"het nieuwe rapport (%s) is ouder dan het oude (%s): zijn ze verwisseld?",
			"the new report (%s) is older than the old one (%s): were they swapped?",
			new.AssessmentDate, old.AssessmentDate))
	}
	if old.Language != new.Language {
		add("/language", norm.CodeEnum, norm.Textf("de rapporten zijn in verschillende talen (%s en %s)",
			"the reports are in different languages (%s and %s)", old.Language, new.Language))
	}
	oldItems := map[ItemID]*ItemReport{}
	for i := range old.Items {
		oldItems[old.Items[i].ID] = &old.Items[i]
	}
	if len(old.Items) != len(new.Items) {
		add("/items", norm.CodeSchema, norm.Textf("het oude rapport heeft %d punten, het nieuwe %d",
			"the old report has %d items, the new one %d", len(old.Items), len(new.Items)))
	}

	c := Comparison{
		Organisation: new.Organisation,
		Language:     new.Language,
		OldDate:      old.AssessmentDate,
		NewDate:      new.AssessmentDate,
		OldScore:     old.Score,
		NewScore:     new.Score,
		ScoreChange:  round1(new.Score - old.Score),
		Improved:     []ItemID{},
		Worse:        []ItemID{},
		Resolved:     []Finding{},
		New:          []Finding{},
	}
	for i, it := range new.Items {
		ptr := "/items/" + itoa(i)
		o, ok := oldItems[it.ID]
		if !ok {
			add(ptr+"/id", norm.CodeReference, norm.Textf("punt %s staat niet in het oude rapport", "item %s is not in the old report", it.ID))
			continue
		}
		ic := ItemChange{
			ID: it.ID, Title: it.Title, OldScore: o.Score, NewScore: it.Score,
			OldResult: o.Result, NewResult: it.Result,
			Change: itemChange(o, &it),
		}
		oldCrit := map[CriterionID]*CriterionReport{}
		for j := range o.Criteria {
			oldCrit[o.Criteria[j].ID] = &o.Criteria[j]
		}
		if len(o.Criteria) != len(it.Criteria) {
			add(ptr+"/criteria", norm.CodeSchema, norm.Textf("punt %s heeft in het oude rapport %d criteria, in het nieuwe %d",
				"item %s has %d criteria in the old report and %d in the new one", it.ID, len(o.Criteria), len(it.Criteria)))
		}
		for j, cr := range it.Criteria {
			oc, ok := oldCrit[cr.ID]
			if !ok {
				add(ptr+"/criteria/"+itoa(j)+"/id", norm.CodeReference, norm.Textf("criterium %s staat niet in het oude rapport", "criterion %s is not in the old report", cr.ID))
				continue
			}
			ic.Criteria = append(ic.Criteria, CriterionChange{
				ID: cr.ID, OldResult: oc.Result, NewResult: cr.Result,
				OldAnswer: oc.Answer, NewAnswer: cr.Answer,
				Change: resultChange(oc.Result, cr.Result), Critical: cr.Critical,
			})
		}
		switch ic.Change {
		case Improved:
			c.Improved = append(c.Improved, it.ID)
		case Worse:
			c.Worse = append(c.Worse, it.ID)
		}
		c.Items = append(c.Items, ic)
	}
	if len(ps) > 0 {
		return Comparison{}, &norm.Error{Op: op, Problems: ps}
	}

	// Findings are matched by code and criterion, counted so that two of a
	// kind on one side are matched one by one.
	type key struct {
		code FindingCode
		cr   CriterionID
	}
	oldF := map[key]int{}
	for _, f := range old.Findings {
		oldF[key{f.Code, f.Criterion}]++
	}
	newF := map[key]int{}
	for _, f := range new.Findings {
		k := key{f.Code, f.Criterion}
		if oldF[k] > newF[k] {
			c.Remaining++
		} else {
			c.New = append(c.New, f)
		}
		newF[k]++
	}
	seen := map[key]int{}
	for _, f := range old.Findings {
		k := key{f.Code, f.Criterion}
		seen[k]++
		if seen[k] > newF[k] {
			c.Resolved = append(c.Resolved, f)
		}
	}

	c.Rating = ratingChange(&old, &new)
	c.PolicyChanged = !policyEqual(old.Policy, new.Policy)
	return c, nil
}

// gainRank orders results by what they add to the score; not applicable
// has no rank (-1).
func gainRank(r Result) int {
	switch r {
	case Met:
		return 2
	case PartiallyMet:
		return 1
	case NotMet, Unanswered:
		return 0
	}
	return -1
}

func resultChange(o, n Result) Change {
	switch {
	case o == n:
		return Unchanged
	case gainRank(o) < 0 || gainRank(n) < 0 || gainRank(o) == gainRank(n):
		return Changed
	case gainRank(n) > gainRank(o):
		return Improved
	}
	return Worse
}

// itemChange compares item scores; an item not applicable on one side
// only has changed, not improved or worsened.
func itemChange(o, n *ItemReport) Change {
	if (o.Result == NotApplicable) != (n.Result == NotApplicable) {
		return Changed
	}
	d := round1(n.Score - o.Score)
	switch {
	case d > 0:
		return Improved
	case d < 0:
		return Worse
	case o.Result != n.Result:
		return Changed
	}
	return Unchanged
}

func ratingRank(r Rating) int {
	switch r {
	case Green:
		return 2
	case Amber:
		return 1
	}
	return 0
}

var ratingWords = map[Rating]norm.Text{
	Green: norm.T("groen", "green"),
	Amber: norm.T("oranje", "amber"),
	Red:   norm.T("rood", "red"),
}

// ratingChange explains the move of the rating: the rule before and now,
// and which critical criteria stopped or started capping it.
func ratingChange(old, new *Report) RatingChange {
	rc := RatingChange{Old: old.Rating, New: new.Rating, OldRule: old.RatingRule, NewRule: new.RatingRule}
	switch {
	case ratingRank(new.Rating) > ratingRank(old.Rating):
		rc.Change = Improved
	case ratingRank(new.Rating) < ratingRank(old.Rating):
		rc.Change = Worse
	default:
		rc.Change = Unchanged
	}
	for _, id := range old.CappedBy {
		if !slices.Contains(new.CappedBy, id) {
			rc.Lifted = append(rc.Lifted, id)
		}
	}
	for _, id := range new.CappedBy {
		if !slices.Contains(old.CappedBy, id) {
			rc.Added = append(rc.Added, id)
		}
	}
	l := new.Language
	var t norm.Text
	if rc.Change == Unchanged {
		t = norm.Textf("blijft %s. Toen: %s. Nu: %s", "stays %s. Then: %s. Now: %s",
			ratingWords[new.Rating].In(l), old.RatingReason, new.RatingReason)
	} else {
		t = norm.Textf("van %s naar %s. Toen: %s. Nu: %s", "from %s to %s. Then: %s. Now: %s",
			ratingWords[old.Rating].In(l), ratingWords[new.Rating].In(l), old.RatingReason, new.RatingReason)
	}
	s := t.In(l)
	if len(rc.Lifted) > 0 {
		s += norm.Textf(". Kritiek nu in orde: %s", ". Critical now in order: %s", joinIDs(rc.Lifted)).In(l)
	}
	if len(rc.Added) > 0 {
		s += norm.Textf(". Kritiek nieuw open: %s", ". Critical newly open: %s", joinIDs(rc.Added)).In(l)
	}
	rc.Reason = s
	return rc
}

// policyEqual reports whether two policies are known to be the same: the
// same evidence age and no overrides on either side (a report names which
// criteria were overridden, not the values, so two overridden policies
// cannot be shown equal).
func policyEqual(a, b Policy) bool {
	return a.Catalogue == b.Catalogue && a.GreenFrom == b.GreenFrom && a.AmberFrom == b.AmberFrom &&
		a.MaxEvidenceAgeMonths == b.MaxEvidenceAgeMonths && !a.ItemWeights && !b.ItemWeights &&
		len(a.Overrides) == 0 && len(b.Overrides) == 0
}

func joinIDs(ids []CriterionID) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = string(id)
	}
	return strings.Join(s, ", ")
}

func itoa(i int) string { return strconv.Itoa(i) }
