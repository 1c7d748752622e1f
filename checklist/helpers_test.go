package checklist_test

import (
	"testing"

	"github.com/goedgesprek/goedgesprek/checklist"
	"github.com/goedgesprek/goedgesprek/followup"
	"github.com/goedgesprek/goedgesprek/norm"
)

var assessDate = norm.Date{Year: 2025, Month: 3, Day: 14}

// period2025 is the measured period of an assessment dated assessDate.
var period2025 = followup.YearTo(assessDate)

func baseAssessment(answers map[checklist.CriterionID]checklist.Answer) checklist.Assessment {
	if answers == nil {
		answers = map[checklist.CriterionID]checklist.Answer{}
	}
	return checklist.Assessment{
		Version:      checklist.AssessmentVersion,
		Organisation: checklist.Organisation{Name: "Gemeente Voorbeeld", Kind: checklist.OrgMunicipality, ClientFacingEmployees: 120, Managers: 9},
		Date:         assessDate,
		Assessor:     checklist.Assessor{ID: "A-17", Role: "beleidsmedewerker"},
		Answers:      answers,
	}
}

// answerSpace lists answers to c from worst to best: each is at least as
// good as the one before (not-applicable options are left out).
func answerSpace(tb testing.TB, c *checklist.Criterion, at norm.Date) []checklist.Value {
	tb.Helper()
	var out []checklist.Value
	switch c.Type {
	case checklist.TypeBool:
		out = []checklist.Value{checklist.Bool(false), checklist.Bool(true)}
	case checklist.TypeChoice:
		for _, r := range []checklist.Result{checklist.NotMet, checklist.PartiallyMet, checklist.Met} {
			for _, o := range c.Options {
				if o.Result == r {
					out = append(out, checklist.Choice(o.Code))
				}
			}
		}
	case checklist.TypeMulti:
		codes := []string{}
		out = append(out, checklist.Multi())
		for _, o := range c.Options {
			codes = append(codes, o.Code)
			out = append(out, checklist.Multi(codes...))
		}
	case checklist.TypePercent:
		for _, x := range []float64{0, 10, 24.9, 25, 49.5, 50, 59.9, 60, 69.9, 70, 75, 79.9, 80, 89.9, 90, 94.9, 95, 99.5, 100} {
			out = append(out, checklist.Number(x))
		}
	case checklist.TypeCount:
		for x := range 6 {
			out = append(out, checklist.Number(float64(x)))
		}
	case checklist.TypeDate:
		for _, m := range []int{-120, -36, -25, -24, -13, -12, -6, 0} {
			out = append(out, checklist.DateValue(at.AddMonths(m)))
		}
	default:
		tb.Fatalf("no answer space for type %q", c.Type)
	}
	return out
}

func evidenceAt(d norm.Date) []checklist.Evidence {
	return []checklist.Evidence{{Title: "Vastgesteld beleid", Reference: "DMS-2025-001", Date: d}}
}

// bestAnswers answers every criterion with the best value of its space,
// with recent evidence.
func bestAnswers(tb testing.TB) map[checklist.CriterionID]checklist.Answer {
	tb.Helper()
	m := map[checklist.CriterionID]checklist.Answer{}
	for _, c := range checklist.Criteria() {
		sp := answerSpace(tb, c, assessDate)
		a := checklist.Answer{Value: sp[len(sp)-1]}
		if c.Evidence {
			a.Evidence = evidenceAt(assessDate.AddMonths(-2))
		}
		m[c.ID] = a
	}
	return m
}

// worstAnswers answers every criterion with the worst value of its space.
func worstAnswers(tb testing.TB) map[checklist.CriterionID]checklist.Answer {
	tb.Helper()
	m := map[checklist.CriterionID]checklist.Answer{}
	for _, c := range checklist.Criteria() {
		m[c.ID] = checklist.Answer{Value: answerSpace(tb, c, assessDate)[0]}
	}
	return m
}
