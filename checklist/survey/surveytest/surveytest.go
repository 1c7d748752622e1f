// Package surveytest makes synthetic survey responses for tests, benchmarks
// and the sample data: deterministic for a seed, and shaped so that each
// question's share is the pilot's own figure (seed 001, 4.2) as nearly as
// the number of respondents allows.
package surveytest

import (
	"io"
	"math"
	"math/rand/v2"

	"github.com/goedgesprek/goedgesprek/checklist/survey"
	"github.com/goedgesprek/goedgesprek/norm/csvform"
)

// Phase picks the pilot figure a sample follows.
type Phase int

// The phases.
const (
	Before Phase = iota // the 0-measurement
	After               // the 1-measurement
)

// Sample returns n responses of the round whose shares are the pilot's
// figures of the phase: for each question exactly round(n × share)
// respondents answer positively, spread over the respondents by a random
// order drawn from seed. Every respondent answers every question.
func Sample(round survey.Month, n int, phase Phase, seed uint64) []survey.Response {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	out := make([]survey.Response, n)
	for i := range out {
		out[i] = survey.Response{Version: survey.ResponseVersion, Round: round, Answers: map[survey.QuestionID]survey.Answer{}}
	}
	for _, q := range survey.Questions() {
		share := q.Pilot.Before
		if phase == After {
			share = q.Pilot.After
		}
		pos := int(math.Round(float64(n) * share / 100))
		order := rng.Perm(n)
		for k, i := range order {
			out[i].Answers[q.ID] = answer(q.Scale, k < pos, rng)
		}
	}
	return out
}

func answer(s survey.Scale, positive bool, rng *rand.Rand) survey.Answer {
	switch s {
	case survey.ScaleAgree6:
		if positive {
			return survey.Level(survey.Agree6Positive + rng.IntN(3))
		}
		return survey.Level(1 + rng.IntN(survey.Agree6Positive-1))
	case survey.ScaleKnow:
		if positive {
			return survey.Code([]string{"partly", "fully"}[rng.IntN(2)])
		}
		return survey.Code("no")
	}
	if positive {
		return survey.Code("yes")
	}
	return survey.Code("no")
}

// WriteCSV writes responses as survey.ReadCSV reads them: the column
// "round" and every question, in questionnaire order. It is here, not in
// package survey, because it writes one row per respondent: it is for
// synthetic data, and the library itself writes no respondent's answers.
func WriteCSV(w io.Writer, rs []survey.Response) error {
	qs := survey.Questions()
	cw := csvform.NewWriter(w, ',')
	rec := make([]string, 1+len(qs))
	rec[0] = survey.RoundColumn
	for i, q := range qs {
		rec[1+i] = string(q.ID)
	}
	if err := cw.Write(rec); err != nil {
		return err
	}
	for _, r := range rs {
		rec[0] = r.Round.String()
		for i, q := range qs {
			rec[1+i] = r.Answers[q.ID].String()
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	return cw.Flush()
}
