package report

import (
	"strconv"
	"strings"

	"github.com/goedgesprek/goedgesprek/checklist"
	"github.com/goedgesprek/goedgesprek/norm"
)

// NormView is the norm document the report derived answers from (evaluate
// -norm), beside what the self-assessment claimed.
type NormView struct {
	L       NormLabels
	Origin  string // the document's file name, without its directory
	Org     string // the organisation the document names
	Adopted string
	Summary string // own behaviours, sanction steps, what the baseline misses
	Rows    []NormRow
}

// NormRow is one criterion derived from the document.
type NormRow struct {
	Criterion   string
	Source      string // the part of the document: norm or service norm
	Result      string // the result the document gives
	ResultLabel string
	Mark        string
	Claimed     string // the claim's result, "–" when nothing was claimed
	Agrees      string // ✓ the claim says the same, ✗ it says otherwise, – no claim
}

// NormLabels are the words of the norm document's section.
type NormLabels struct {
	Title, From, Org, Adopted, Document, Claimed, Policy string
}

var normLabels = [2]NormLabels{
	{Title: "Afgeleid uit het normdocument", From: "Bron", Org: "Organisatie", Adopted: "vastgesteld op",
		Document: "document", Claimed: "geclaimd", Policy: "Rekenregels"},
	{Title: "Derived from the norm document", From: "Source", Org: "Organisation", Adopted: "adopted on",
		Document: "document", Claimed: "claimed", Policy: "Rules applied"},
}

var derivedSourceLabels = map[checklist.DerivedSource]norm.Text{
	checklist.DerivedNorm:        norm.T("norm", "norm"),
	checklist.DerivedServiceNorm: norm.T("servicenorm", "service norm"),
}

func li(lang norm.Lang) int {
	if lang == norm.EN {
		return 1
	}
	return 0
}

// normView flattens rep.Norm and the derived criteria; nil without a norm
// document.
func normView(rep *checklist.Report, origin string, lang norm.Lang) *NormView {
	n := rep.Norm
	if n == nil {
		return nil
	}
	p := norm.Printable
	v := &NormView{L: normLabels[li(lang)], Origin: p(origin), Org: p(n.Organisation), Adopted: n.Adopted.String()}
	parts := []string{
		strconv.Itoa(n.Extra) + norm.T(" eigen gedragingen", " own behaviours").In(lang),
		strconv.Itoa(n.Sanctions) + norm.T(" stappen met maatregelen", " steps of sanctions").In(lang),
	}
	if miss := n.Check.Norm.MissingBehaviours; len(miss) > 0 {
		names := make([]string, len(miss))
		for i, b := range miss {
			names[i] = b.Label().In(lang)
		}
		parts = append(parts, norm.T("ontbreekt in de VPT-basis: ", "missing from the VPT baseline: ").In(lang)+strings.Join(names, ", "))
	}
	if n.Check.Service == nil {
		parts = append(parts, norm.T("geen servicenorm", "no service norm").In(lang))
	}
	v.Summary = strings.Join(parts, " · ")
	for _, it := range rep.Items {
		for _, cr := range it.Criteria {
			d := cr.Derived
			if d == nil {
				continue
			}
			r := NormRow{
				Criterion: string(cr.ID), Source: derivedSourceLabels[d.Source].In(lang),
				Result: string(cr.Result), ResultLabel: resultLabels[cr.Result].In(lang), Mark: Marks[string(cr.Result)],
				Claimed: "–", Agrees: "–",
			}
			if d.ClaimedResult != checklist.Unanswered {
				r.Claimed = resultLabels[d.ClaimedResult].In(lang)
				r.Agrees = "✗"
				if d.Agrees {
					r.Agrees = "✓"
				}
			}
			v.Rows = append(v.Rows, r)
		}
	}
	return v
}

// policyLine says in one line which catalogue and which weights and
// thresholds the report applied; the JSON report lists every one.
func policyLine(rep *checklist.Report, lang norm.Lang) string {
	pol := rep.Policy
	s := normLabels[li(lang)].Policy + ": " + norm.T("catalogus ", "catalogue ").In(lang) + pol.Catalogue + " · "
	switch {
	case len(pol.Overrides) == 0 && !pol.ItemWeights:
		s += norm.T("gewichten en drempels van de catalogus", "the catalogue's weights and thresholds").In(lang)
	default:
		var what []string
		if len(pol.Overrides) > 0 {
			ids := make([]string, len(pol.Overrides))
			for i, id := range pol.Overrides {
				ids[i] = string(id)
			}
			what = append(what, norm.T("gewicht of drempel van ", "weight or threshold of ").In(lang)+strings.Join(ids, ", "))
		}
		if pol.ItemWeights {
			what = append(what, norm.T("itemgewichten", "item weights").In(lang))
		}
		s += norm.T("aangepast: ", "changed: ").In(lang) + strings.Join(what, "; ")
	}
	return s + " · " + norm.T("groen vanaf ", "green from ").In(lang) + num(pol.GreenFrom, lang) +
		norm.T(", oranje vanaf ", ", amber from ").In(lang) + num(pol.AmberFrom, lang)
}
