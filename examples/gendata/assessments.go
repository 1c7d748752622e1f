package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"time"

	"github.com/goedgesprek/goedgesprek/checklist"
	"github.com/goedgesprek/goedgesprek/norm"
)

// writeAssessments writes n synthetic self-assessments as newline-delimited
// JSON, deterministic for the seed, without holding them: the input for
// `evaluate -batch` at scale. Each organisation gets a maturity between 0
// and 1 that drives its answers, so the reports spread from red to green.
func writeAssessments(w io.Writer, seed uint64, n int) error {
	r := rand.New(rand.NewPCG(seed, 0x5eed_a55e55))
	bw := bufio.NewWriterSize(w, 256<<10)
	enc := json.NewEncoder(bw)
	kinds := checklist.OrgKinds()
	first := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	crits := checklist.Criteria() // a copy per call: take it once
	for i := range n {
		m := r.Float64()
		date := norm.DateOf(first.AddDate(0, 0, r.IntN(540)))
		a := checklist.Assessment{
			Version: checklist.AssessmentVersion,
			Organisation: checklist.Organisation{
				Name:                  fmt.Sprintf("Synthetische organisatie %06d", i+1),
				Kind:                  kinds[r.IntN(len(kinds))],
				ClientFacingEmployees: 5 + r.IntN(2000),
			},
			Date:     date,
			Assessor: checklist.Assessor{ID: fmt.Sprintf("AUD-%04d", 1+r.IntN(500))},
			Answers:  map[checklist.CriterionID]checklist.Answer{},
		}
		a.Organisation.Managers = 1 + a.Organisation.ClientFacingEmployees/12
		for _, c := range crits {
			if r.Float64() < 0.04 {
				continue // now and then a criterion stays unanswered
			}
			ans := checklist.Answer{Value: answer(r, c, m, date)}
			if c.Evidence && r.Float64() < m {
				ans.Evidence = []checklist.Evidence{{
					Title:     "Synthetisch bewijsstuk",
					Reference: fmt.Sprintf("DOC-%s-%d", c.ID, r.IntN(1000)),
					Date:      norm.DateOf(time.Date(date.Year, date.Month, date.Day, 0, 0, 0, 0, time.UTC).AddDate(0, -r.IntN(30), 0)),
				}}
			}
			a.Answers[c.ID] = ans
		}
		if err := enc.Encode(&a); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// answer draws a plausible answer for an organisation of maturity m.
func answer(r *rand.Rand, c *checklist.Criterion, m float64, date norm.Date) checklist.Value {
	good := func() bool { return r.Float64() < m }
	switch c.Type {
	case checklist.TypeBool:
		return checklist.Bool(good())
	case checklist.TypeChoice:
		if good() {
			return checklist.Choice(c.Options[0].Code)
		}
		return checklist.Choice(c.Options[r.IntN(len(c.Options))].Code)
	case checklist.TypeMulti:
		var codes []string
		for _, o := range c.Options {
			if good() {
				codes = append(codes, o.Code)
			}
		}
		return checklist.Multi(codes...)
	case checklist.TypePercent:
		p := 100*m + 25*r.NormFloat64()
		return checklist.Number(math.Round(min(max(p, 0), 100)))
	case checklist.TypeCount:
		return checklist.Number(float64(r.IntN(1 + int(5*m))))
	case checklist.TypeDate:
		t := time.Date(date.Year, date.Month, date.Day, 0, 0, 0, 0, time.UTC)
		return checklist.DateValue(norm.DateOf(t.AddDate(0, -r.IntN(1+int(36*(1-m))), -r.IntN(28))))
	}
	return checklist.Value{}
}
