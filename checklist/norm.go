package checklist

import (
	"slices"
	"strings"

	"github.com/goedgesprek/goedgesprek/norm"
	"github.com/goedgesprek/goedgesprek/norm/normdoc"
)

// WithNorm passes the organisation's norm document (see package normdoc).
// The criteria the document answers are then derived from it instead of
// taken from the self-assessment:
//
//   - GG11-1, the catalogue behaviours the norm names (its coverage of the
//     VPT baseline; an extra behaviour of the organisation's own counts for
//     its category, as in norm.CheckNorm);
//   - GG11-2, where the norm is made known to clients;
//   - with a service norm, GG09-1 (the topics it covers, by
//     norm.CheckService), GG09-2 (made known to clients) and GG09-3 (made
//     known to employees).
//
// The report marks each of them as derived ([CriterionReport.Derived]),
// names the document ([Report.Norm]), and where the self-assessment
// claims another answer, a finding [FindingDocument] states both; the
// document decides. A derived criterion needs no other evidence: the
// document is its evidence.
//
// The document must be valid (normdoc.Decode checks it), name the
// assessed organisation (compared ignoring case and runs of white space:
// another organisation's norm says nothing about this one) and be adopted
// on or before the assessment date: a norm adopted later was not in force
// on the date the assessment speaks of. Otherwise Evaluate refuses.
func WithNorm(d normdoc.Document) EvalOption {
	return func(c *config) { c.normDoc = &d }
}

// DerivedSource names the part of a norm document an answer was derived
// from.
type DerivedSource string

// The parts of a norm document.
const (
	DerivedNorm        DerivedSource = "norm"         // the norm of unacceptable behaviour (GG11)
	DerivedServiceNorm DerivedSource = "service_norm" // the service norm (GG09)
)

var derivedSources = []DerivedSource{DerivedNorm, DerivedServiceNorm}

// MarshalText implements encoding.TextMarshaler.
func (s DerivedSource) MarshalText() ([]byte, error) {
	return norm.MarshalCode("derived source", s, derivedSources)
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *DerivedSource) UnmarshalText(b []byte) error {
	v, err := norm.ParseCode("derived source", string(b), derivedSources)
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// Derived is an answer derived from the norm document, set beside the
// claim (the criterion's Answer, absent when the self-assessment left it
// open).
type Derived struct {
	Source DerivedSource `json:"source"`
	// Value is the answer the document gives; it decided the result.
	Value Value `json:"value"`
	// ClaimedResult is the result the claim alone would have had.
	ClaimedResult Result `json:"claimed_result"`
	// Agrees is set when the claim gives the same answer as the document.
	Agrees bool `json:"agrees"`
}

// NormUsed is the norm document the evaluation used (see WithNorm).
type NormUsed struct {
	Organisation string    `json:"organisation"`
	Adopted      norm.Date `json:"adopted"`
	// Criteria are the criteria derived from it, in checklist order.
	Criteria []CriterionID `json:"criteria"`
	// Check is what norm.CheckNorm and norm.CheckService found.
	Check normdoc.Check `json:"check"`
	// Extra counts the organisation's own behaviours besides the
	// catalogue's.
	Extra int `json:"extra"`
	// Sanctions counts the steps of its escalation ladder.
	Sanctions int `json:"sanctions"`
}

// derivation is what a norm document says about one criterion.
type derivation struct {
	source DerivedSource
	value  Value
	cats   norm.CategoryMask // GG11-1: categories the extra behaviours add
}

// derive gives the answer d gives for criterion id, if it gives one.
func derive(d *normdoc.Document, id CriterionID) (derivation, bool) {
	switch id {
	case "GG11-1":
		var extra norm.CategoryMask
		for _, x := range d.Norm.Extra {
			if r := x.Category.Rank(); r > 0 {
				extra |= 1 << r
			}
		}
		return derivation{DerivedNorm, Multi(inOrder(norm.BehaviourCodes(), d.Norm.Behaviours)...), extra}, true
	case "GG11-2":
		return derivation{source: DerivedNorm, value: Multi(inOrder(norm.ClientMedia(), d.Norm.KnownToClients)...)}, true
	}
	if d.Service == nil {
		return derivation{}, false
	}
	sc := norm.CheckService(*d.Service)
	switch id {
	case "GG09-1":
		var covered []string
		for _, t := range norm.ServiceTopics() {
			if !slices.Contains(sc.MissingTopics, t) {
				covered = append(covered, string(t))
			}
		}
		return derivation{source: DerivedServiceNorm, value: Multi(covered...)}, true
	case "GG09-2":
		return derivation{source: DerivedServiceNorm, value: Bool(sc.KnownToClients)}, true
	case "GG09-3":
		return derivation{source: DerivedServiceNorm, value: Bool(sc.KnownToEmployees)}, true
	}
	return derivation{}, false
}

// inOrder gives the known codes of got in the order of all, once each.
func inOrder[T ~string](all, got []T) []string {
	out := make([]string, 0, len(got))
	for _, c := range all {
		if slices.Contains(got, c) {
			out = append(out, string(c))
		}
	}
	return out
}

// sameAnswer reports whether two answers say the same: equal values, or
// the same codes in any order.
func sameAnswer(a, b Value) bool {
	if a.kind != b.kind {
		return false
	}
	switch a.kind {
	case KindList:
		x, y := slices.Clone(a.list), slices.Clone(b.list)
		slices.Sort(x)
		slices.Sort(y)
		return slices.Equal(slices.Compact(x), slices.Compact(y))
	case KindBool:
		return a.b == b.b
	case KindNumber:
		return a.n == b.n
	case KindString:
		return a.s == b.s
	}
	return true
}

// normProblems checks a norm document against an assessment of
// organisation org dated date.
func normProblems(d *normdoc.Document, date norm.Date, org string) []norm.Problem {
	var ps []norm.Problem
	add := func(prefix string, err error) {
		if ne, ok := err.(*norm.Error); ok {
			for _, p := range ne.Problems {
				at := prefix + p.Pointer
				p.Message = norm.T("WithNorm: "+at+": "+p.Message.NL, "WithNorm: "+at+": "+p.Message.EN)
				p.Pointer = ""
				ps = append(ps, p)
			}
		}
	}
	if p, bad := norm.CheckLine("", d.Organisation.Name); bad {
		p.Message = norm.T("WithNorm: /organisation/name: "+p.Message.NL, "WithNorm: /organisation/name: "+p.Message.EN)
		ps = append(ps, p)
	} else if _, badOrg := norm.CheckLine("", org); !badOrg && strings.TrimSpace(org) != "" && !sameName(d.Organisation.Name, org) {
		// Another organisation's norm would answer this one's criteria: a
		// wrong answer without an error. An assessment without a (sound)
		// name is validate's to report.
		ps = append(ps, norm.Problem{Code: norm.CodeReference, Message: norm.Textf(
			"WithNorm: /organisation/name: het normdocument is van %q, de zelfevaluatie van %q; gebruik de norm van de organisatie zelf",
			"WithNorm: /organisation/name: the norm document belongs to %q, the self-assessment to %q; use the organisation's own norm",
			clip(d.Organisation.Name), clip(org))})
	}
	add("/norm", d.Norm.Validate())
	if d.Service != nil {
		add("/service", d.Service.Validate())
	}
	switch {
	case d.Adopted.Year < 1 || !d.Adopted.Valid():
		ps = append(ps, norm.Problem{Code: norm.CodeDate, Message: norm.T(
			"WithNorm: het normdocument heeft geen geldige datum van vaststelling", "WithNorm: the norm document has no valid adoption date")})
	case date.Valid() && !date.IsZero() && d.Adopted.After(date):
		ps = append(ps, norm.Problem{Code: norm.CodeFuture, Message: norm.Textf(
			"WithNorm: het normdocument is vastgesteld op %s, na de beoordelingsdatum %s; het gold toen nog niet",
			"WithNorm: the norm document was adopted on %s, after the assessment date %s; it was not in force then", d.Adopted.String(), date.String())})
	}
	return ps
}

// derivedCriteria is how many criteria a norm document can answer.
const derivedCriteria = 5

// judgeDerived judges the document's answer dv for c, keeping what the
// claim (claimV, judged as claim) said beside it.
func judgeDerived(c *Criterion, t Threshold, claimV Value, dv derivation, claim judgement, at norm.Date) judgement {
	j := judge(c, t, dv.value, at, nil)
	if c.Rule.Kind == RuleCoverage && dv.cats != 0 {
		// An extra behaviour of the organisation's own names its
		// category, as in norm.CheckNorm.
		j.cats |= dv.cats
		want := norm.CategoriesOf(c.Rule.Required)
		if j.result == NotMet && j.cats&want == want && j.number >= t.Partial {
			j.result = PartiallyMet
		}
	}
	j.derived, j.claimRes, j.claimAnswered = true, claim.result, claim.answered
	j.agrees = claim.answered && sameAnswer(claimV, dv.value)
	return j
}

var docPhr = [2]struct{ from, claims, doc, adopted, so, decides, next string }{
	{
		from: "volgens het normdocument: ", claims: ": de zelfevaluatie claimt ", doc: "; het normdocument (vastgesteld op ",
		adopted: ") geeft ", so: ", dus ", decides: ". Het document beslist.",
		next: "Breng de zelfevaluatie in lijn met de vastgestelde norm, of stel de norm opnieuw vast als zij niet meer klopt.",
	},
	{
		from: "according to the norm document: ", claims: ": the self-assessment claims ", doc: "; the norm document (adopted on ",
		adopted: ") gives ", so: ", so ", decides: ". The document decides.",
		next: "Bring the self-assessment in line with the adopted norm, or adopt the norm again where it no longer holds.",
	},
}

// appendDocMessage writes the message of a FindingDocument: the claim and
// its result, then the document's answer and its result.
func appendDocMessage(b []byte, c *Criterion, j *judgement, claimV Value, claim *judgement, dv Value, adopted norm.Date, li int) []byte {
	p := &docPhr[li]
	b = append(b, c.ID...)
	b = append(b, p.claims...)
	b = appendAnswer(b, c, claimV, *claim, li)
	b = append(b, ", "...)
	b = append(b, resultWord(j.claimRes, li)...)
	b = append(b, p.doc...)
	b = appendDate(b, adopted)
	b = append(b, p.adopted...)
	b = appendAnswer(b, c, dv, *j, li)
	b = append(b, p.so...)
	b = append(b, resultWord(j.result, li)...)
	return append(b, p.decides...)
}
