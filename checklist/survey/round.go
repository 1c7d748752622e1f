package survey

import (
	"math"
	"slices"
	"strconv"

	"github.com/goedgesprek/goedgesprek/norm"
)

// MinGroup is the smallest number of respondents a figure is given for.
// Below it a share could point at the few people who gave it, so the
// figure is suppressed.
const MinGroup = 10

// Figure is one question's outcome in one round: how many respondents
// answered it and, when at least MinGroup did, the estimate of the share
// of positive answers. Below MinGroup there is no estimate at all (not a
// share of 0), and Suppressed is set.
type Figure struct {
	Question    QuestionID `json:"question"`
	Respondents int        `json:"respondents"` // who answered this question
	Suppressed  bool       `json:"suppressed,omitempty"`
	Estimate    *Estimate  `json:"estimate,omitempty"` // nil when suppressed
}

// Estimate is a share of positive answers with its 95% Wilson interval.
type Estimate struct {
	Positive int     `json:"positive"` // respondents who answered positively
	Percent  float64 `json:"percent"`  // to one decimal
	Low      float64 `json:"low"`      // 95% Wilson interval, percent to one decimal
	High     float64 `json:"high"`
}

// Share returns the exact share, 0 to 1, and whether there is one.
func (f Figure) Share() (float64, bool) {
	if f.Estimate == nil || f.Respondents == 0 {
		return 0, false
	}
	return float64(f.Estimate.Positive) / float64(f.Respondents), true
}

// Clone returns a deep copy of the round.
func (r Round) Clone() Round {
	r.Figures = append([]Figure(nil), r.Figures...)
	for i := range r.Figures {
		if e := r.Figures[i].Estimate; e != nil {
			c := *e
			r.Figures[i].Estimate = &c
		}
	}
	return r
}

// Round is the aggregate of one survey round: figures only, never a
// respondent's answers.
type Round struct {
	Round       Month    `json:"round"`
	Respondents int      `json:"respondents"`
	Figures     []Figure `json:"figures"` // one per question, in questionnaire order
}

// Figure returns the figure of a question.
func (r *Round) Figure(id QuestionID) (Figure, bool) {
	for _, f := range r.Figures {
		if f.Question == id {
			return f, true
		}
	}
	return Figure{}, false
}

func round1(x float64) float64 { return math.Round(x*10) / 10 }

func newFigure(id QuestionID, pos, n int) Figure {
	f := Figure{Question: id, Respondents: n}
	if n < MinGroup {
		f.Suppressed = true
		return f
	}
	lo, hi := Wilson(pos, n)
	f.Estimate = &Estimate{Positive: pos, Percent: round1(100 * float64(pos) / float64(n)), Low: round1(100 * lo), High: round1(100 * hi)}
	return f
}

const summarizeOp = "survey.Summarize"

// Summarize aggregates the responses of one round into a figure per
// question. It refuses (a *[norm.Error], Op "survey.Summarize", pointers
// "/<index>/...") responses of different rounds, none at all, and any
// response that does not fit the instrument.
func Summarize(rs []Response) (Round, error) {
	var ps norm.Problems
	if len(rs) == 0 {
		ps.Add(norm.Problem{Code: norm.CodeRequired, Message: norm.T("geen antwoorden: een meting heeft ten minste één respondent", "no responses: a round has at least one respondent")})
		return Round{}, ps.Err(summarizeOp)
	}
	pos := make([]int, len(questions))
	ns := make([]int, len(questions))
	first := rs[0].Round
	for i := range rs {
		r := &rs[i]
		idx := strconv.Itoa(i)
		for _, p := range r.validate([]string{idx}) {
			ps.Add(p)
		}
		if r.Round.Valid() && first.Valid() && r.Round != first {
			ps.Add(norm.Problem{Pointer: norm.Pointer(idx, "round"), Code: norm.CodeOrder, Message: norm.Textf(
				"meting %s, maar de eerste antwoorden horen bij %s: één meting tegelijk", "round %s, but the first response belongs to %s: one round at a time",
				r.Round.String(), first.String())})
		}
		for id, a := range r.Answers {
			qi, ok := questionIdx[id]
			if !ok {
				continue
			}
			q := &questions[qi]
			if _, ok := fits(q, a); !ok {
				continue
			}
			ns[qi]++
			if q.positive(a) {
				pos[qi]++
			}
		}
	}
	if err := ps.Err(summarizeOp); err != nil {
		return Round{}, err
	}
	out := Round{Round: first, Respondents: len(rs), Figures: make([]Figure, len(questions))}
	for i, q := range questions {
		out.Figures[i] = newFigure(q.ID, pos[i], ns[i])
	}
	return out, nil
}

// Check says what is wrong with a Round built or changed outside
// Summarize: an invalid month, counts that cannot be, a figure under
// MinGroup that is not suppressed, a question twice or unknown, a share
// or interval that does not follow from the counts. Pointers are relative
// to the round.
func (r *Round) Check() []norm.Problem {
	var ps []norm.Problem
	bad := func(ptr string, code norm.ProblemCode, nl, en string) {
		ps = append(ps, norm.Problem{Pointer: ptr, Code: code, Message: norm.T(nl, en)})
	}
	if !r.Round.Valid() {
		bad("/round", norm.CodeRequired, "de maand van de meting ontbreekt", "the month of the round is missing")
	}
	if r.Respondents < 0 {
		bad("/respondents", norm.CodeRange, "een aantal kan niet negatief zijn", "a number cannot be negative")
	}
	seen := map[QuestionID]bool{}
	for i, f := range r.Figures {
		at := func(field string) string { return norm.Pointer("figures", strconv.Itoa(i), field) }
		if _, ok := questionIdx[f.Question]; !ok {
			bad(at("question"), norm.CodeEnum, "geen vraag van de enquête", "not a question of the survey")
		} else if seen[f.Question] {
			bad(at("question"), norm.CodeDuplicate, "deze vraag staat er twee keer in", "this question is listed twice")
		}
		seen[f.Question] = true
		switch {
		case f.Respondents < 0 || f.Respondents > r.Respondents:
			bad(at("respondents"), norm.CodeRange, "meer of minder respondenten dan de meting heeft", "more or fewer respondents than the round has")
		case f.Suppressed:
			if f.Estimate != nil {
				bad(at("estimate"), norm.CodeRange, "een onderdrukt cijfer hoort geen schatting te hebben", "a suppressed figure must have no estimate")
			}
		case f.Respondents < MinGroup:
			bad(at("suppressed"), norm.CodeRange, "minder dan 10 respondenten: het cijfer moet onderdrukt zijn", "fewer than 10 respondents: the figure must be suppressed")
		case f.Estimate == nil:
			bad(at("estimate"), norm.CodeRequired, "de schatting ontbreekt", "the estimate is missing")
		case f.Estimate.Positive < 0 || f.Estimate.Positive > f.Respondents:
			bad(at("estimate")+"/positive", norm.CodeRange, "het aantal positieve antwoorden ligt niet tussen 0 en het aantal respondenten", "the positive answers are not between 0 and the respondents")
		case *f.Estimate != *newFigure(f.Question, f.Estimate.Positive, f.Respondents).Estimate:
			bad(at("estimate")+"/percent", norm.CodeRange, "aandeel of interval volgt niet uit de aantallen", "the share or interval does not follow from the counts")
		}
	}
	return ps
}

// TestKind names the test a Change used.
type TestKind string

// The tests.
const (
	TestZ      TestKind = "z"      // two-proportion z-test (pooled)
	TestFisher TestKind = "fisher" // Fisher's exact test, two-sided
)

// Change is one question compared between two rounds, beside the pilot's
// own change (seed 001, 4.2).
type Change struct {
	Question QuestionID `json:"question"`
	Before   Figure     `json:"before"`
	After    Figure     `json:"after"`
	// Difference is nil when either figure is suppressed: there is then
	// no change to state and nothing to test.
	Difference *Difference `json:"difference,omitempty"`
	Pilot      Pilot       `json:"pilot"`
}

// Difference is the change of one question between two rounds and its
// test.
type Difference struct {
	// Points is the change in percentage points, after minus before, to
	// one decimal.
	Points float64  `json:"points"`
	Test   TestKind `json:"test"`
	P      float64  `json:"p"` // two-sided p value, to four decimals
	// Significant is P < Alpha: a change this large is unlikely to be
	// chance alone.
	Significant bool `json:"significant"`
	// Improved is a change in the good direction (see
	// Question.HigherIsBetter), significant or not.
	Improved bool `json:"improved"`
}

// Alpha is the significance level of Compare.
const Alpha = 0.05

// Compare sets two rounds of one organisation side by side, question by
// question, in questionnaire order. The test is the two-proportion z-test,
// or Fisher's exact test where a cell is expected to hold fewer than 5
// respondents (UseFisher).
func Compare(before, after Round) ([]Change, error) {
	var ps []norm.Problem
	for _, p := range before.Check() {
		p.Pointer = "/before" + p.Pointer
		ps = append(ps, p)
	}
	for _, p := range after.Check() {
		p.Pointer = "/after" + p.Pointer
		ps = append(ps, p)
	}
	if err := norm.NewError("survey.Compare", ps); err != nil {
		return nil, err
	}
	before, after = before.Clone(), after.Clone()
	out := make([]Change, 0, len(questions))
	for _, q := range questions {
		b, okb := before.Figure(q.ID)
		a, oka := after.Figure(q.ID)
		if !okb {
			b = Figure{Question: q.ID, Suppressed: true}
		}
		if !oka {
			a = Figure{Question: q.ID, Suppressed: true}
		}
		c := Change{Question: q.ID, Before: b, After: a, Pilot: q.Pilot}
		sb, okb := b.Share()
		sa, oka := a.Share()
		if okb && oka {
			d := &Difference{}
			diff := 100 * (sa - sb)
			d.Points = round1(diff)
			kb, ka := b.Estimate.Positive, a.Estimate.Positive
			if UseFisher(kb, b.Respondents, ka, a.Respondents) {
				d.Test, d.P = TestFisher, FisherExact(kb, b.Respondents, ka, a.Respondents)
			} else {
				d.Test = TestZ
				_, d.P = TwoProportionZ(kb, b.Respondents, ka, a.Respondents)
			}
			d.Significant = d.P < Alpha
			d.P = math.Round(d.P*1e4) / 1e4
			d.Improved = (diff > 0) == q.HigherIsBetter && diff != 0
			c.Difference = d
		}
		out = append(out, c)
	}
	return out, nil
}

func sortedIDs[V any](m map[QuestionID]V) []QuestionID {
	ids := make([]QuestionID, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}
