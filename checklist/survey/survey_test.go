package survey_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/checklist/survey"
	"github.com/goedgesprek/goedgesprek/checklist/survey/surveytest"
	"github.com/goedgesprek/goedgesprek/norm"
	"github.com/goedgesprek/goedgesprek/norm/form"
)

var march = survey.Month{Year: 2026, Month: 3}

func TestInstrument(t *testing.T) {
	qs := survey.Questions()
	require.Len(t, qs, 19)
	seen := map[survey.QuestionID]bool{}
	sections := map[survey.Theme]string{
		survey.ThemeExposure: "4.2.1", survey.ThemePolicy: "4.2.2", survey.ThemeSafety: "4.2.3",
		survey.ThemeManagement: "4.2.4", survey.ThemeTraining: "4.2.5",
	}
	for _, q := range qs {
		assert.False(t, seen[q.ID], "duplicate %s", q.ID)
		seen[q.ID] = true
		assert.NotEmpty(t, q.Text.NL, q.ID)
		assert.NotEmpty(t, q.Text.EN, q.ID)
		assert.NotEmpty(t, q.Short.NL, q.ID)
		assert.NotEmpty(t, q.Short.EN, q.ID)
		assert.Equal(t, "001", q.Source.Seed)
		assert.Equal(t, sections[q.Theme], q.Source.Section, q.ID)
		assert.NotEmpty(t, q.Theme.Title().EN)
	}
	// The headline figures of seed 001, 4.2 and seed 002.
	for id, want := range map[survey.QuestionID]survey.Pilot{
		"exposed_threats": {36, 19}, "exposed_physical": {4, 0}, "backed_by_manager": {61, 96}, "knows_norm": {34, 71},
	} {
		q, ok := survey.Lookup(id)
		require.True(t, ok)
		assert.Equal(t, want, q.Pilot, id)
	}
	q, ok := survey.ForCriterion("GG11-3")
	require.True(t, ok)
	assert.Equal(t, survey.QuestionID("knows_norm"), q.ID)
	_, ok = survey.ForCriterion("GG01-1")
	assert.False(t, ok)
	// A copy: changing it changes nothing for the next caller.
	q.Criteria[0] = "GG99-9"
	q2, _ := survey.Lookup("knows_norm")
	assert.Equal(t, []string{"GG11-3"}, q2.Criteria)
}

func decode(t *testing.T, doc string) (survey.Response, *norm.Error) {
	t.Helper()
	r, err := survey.DecodeResponse(strings.NewReader(doc), form.Limits{})
	if err == nil {
		return r, nil
	}
	var ne *norm.Error
	require.True(t, errors.As(err, &ne), "%v", err)
	assert.True(t, errors.Is(err, norm.ErrInvalid))
	return r, ne
}

func TestDecodeResponse(t *testing.T) {
	r, ne := decode(t, `{"round": "2026-03", "answers": {"knows_norm": "partly", "feels_safe": 5, "exposed_threats": "no"}}`)
	require.Nil(t, ne)
	assert.Equal(t, survey.ResponseVersion, r.Version)
	assert.Equal(t, march, r.Round)
	assert.Equal(t, survey.Code("partly"), r.Answers["knows_norm"])
	assert.Equal(t, survey.Level(5), r.Answers["feels_safe"])
	out, err := json.Marshal(r)
	require.NoError(t, err)
	assert.JSONEq(t, `{"version":"1","round":"2026-03","answers":{"knows_norm":"partly","feels_safe":5,"exposed_threats":"no"}}`, string(out))

	for _, tc := range []struct {
		name, doc, ptr string
		code           norm.ProblemCode
	}{
		{"unknown question", `{"round": "2026-03", "answers": {"knows_nrom": "yes"}}`, "/answers/knows_nrom", norm.CodeUnknownField},
		{"respondent name", `{"round": "2026-03", "name": "Jan", "answers": {}}`, "/name", norm.CodeUnknownField},
		{"code off the scale", `{"round": "2026-03", "answers": {"knows_norm": "yes"}}`, "/answers/knows_norm", ""},
		{"level too high", `{"round": "2026-03", "answers": {"feels_safe": 7}}`, "/answers/feels_safe", norm.CodeRange},
		{"level as text", `{"round": "2026-03", "answers": {"feels_safe": "5"}}`, "/answers/feels_safe", norm.CodeType},
		{"fraction", `{"round": "2026-03", "answers": {"feels_safe": 4.5}}`, "/answers/feels_safe", norm.CodeType},
		{"month 13", `{"round": "2026-13", "answers": {}}`, "/round", norm.CodeFormat},
		{"no round", `{"answers": {}}`, "/round", norm.CodeRequired},
		{"duplicate key", `{"round": "2026-03", "round": "2026-04"}`, "/round", norm.CodeDuplicateKey},
		{"wrong version", `{"version": "2", "round": "2026-03"}`, "/version", ""},
		{"null answer", `{"round": "2026-03", "answers": {"knows_norm": null}}`, "/answers/knows_norm", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, ne := decode(t, tc.doc)
			require.NotNil(t, ne)
			found := false
			for _, p := range ne.Problems {
				found = found || (p.Pointer == tc.ptr && (tc.code == "" || p.Code == tc.code))
				assert.NotEmpty(t, p.Message.NL)
				assert.NotEmpty(t, p.Message.EN)
			}
			assert.True(t, found, "want %s %s in %v", tc.ptr, tc.code, ne.Problems)
		})
	}
}

func TestSchemaDialectsAndCopies(t *testing.T) {
	for _, l := range norm.Langs() {
		for _, d := range form.Dialects() {
			b, err := survey.Schema(l, d)
			require.NoError(t, err)
			v, err := form.NewValidator(b)
			require.NoError(t, err, "%s %s", l, d)
			assert.Nil(t, v.Validate([]byte(`{"round":"2026-03","answers":{"feels_safe":4,"knows_norm":"fully"}}`)))
			assert.NotNil(t, v.Validate([]byte(`{"round":"2026-03","answers":{"feels_safe":0}}`)))
			b[0] = 'X'
			again, _ := survey.Schema(l, d)
			assert.Equal(t, byte('{'), again[0], "the cache hands out copies")
		}
	}
	_, err := survey.Schema("de", form.Draft2020)
	assert.Error(t, err)
}

func readCSV(t *testing.T, s string) ([]survey.Response, *norm.Error) {
	t.Helper()
	rs, err := survey.ReadCSV(strings.NewReader(s))
	if err == nil {
		return rs, nil
	}
	var ne *norm.Error
	require.True(t, errors.As(err, &ne), "%v", err)
	return nil, ne
}

func TestReadCSV(t *testing.T) {
	rs, ne := readCSV(t, "\ufeffround;knows_norm;feels_safe\r\n2026-03;fully;6\r\n2026-03;;2\r\n\r\n2026-03;no;\r\n")
	require.Nil(t, ne)
	require.Len(t, rs, 3)
	assert.Equal(t, survey.Code("fully"), rs[0].Answers["knows_norm"])
	_, answered := rs[1].Answers["knows_norm"]
	assert.False(t, answered, "an empty cell is unanswered")
	assert.Equal(t, survey.Level(2), rs[1].Answers["feels_safe"])

	for _, tc := range []struct {
		name, csv string
		row       int
		col       string
		code      norm.ProblemCode
	}{
		{"unknown column", "round,knows_norm,name\n2026-03,no,Jan\n", 1, "name", norm.CodeUnknownField},
		{"repeated column", "round,knows_norm,knows_norm\n", 1, "knows_norm", norm.CodeDuplicate},
		{"no round column", "knows_norm\nno\n", 1, "round", norm.CodeRequired},
		{"off the scale", "round,knows_norm\n2026-03,no\n2026-03,maybe\n", 3, "knows_norm", norm.CodeEnum},
		{"level 0", "round,feels_safe\n2026-03,0\n", 2, "feels_safe", norm.CodeEnum},
		{"bad month", "round,feels_safe\n2026-3,4\n", 2, "round", norm.CodeFormat},
		{"two rounds", "round,feels_safe\n2026-03,4\n2025-03,4\n", 3, "round", norm.CodeOrder},
		{"ragged row", "round,feels_safe\n2026-03,4,5\n", 2, "", norm.CodeSyntax},
		{"empty file", "", 1, "", norm.CodeRequired},
		{"not CSV", "round,feels_safe\n2026-03,\"4\n", 2, "", norm.CodeSyntax},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, ne := readCSV(t, tc.csv)
			require.NotNil(t, ne)
			found := false
			for _, p := range ne.Problems {
				found = found || (p.Row == tc.row && p.Column == tc.col && p.Code == tc.code)
			}
			assert.True(t, found, "want row %d column %q %s in %v", tc.row, tc.col, tc.code, ne.Problems)
		})
	}
}

func TestWriteCSVReadsBack(t *testing.T) {
	rs := surveytest.Sample(march, 25, surveytest.After, 7)
	var buf bytes.Buffer
	require.NoError(t, surveytest.WriteCSV(&buf, rs))
	back, err := survey.ReadCSV(&buf)
	require.NoError(t, err)
	assert.Equal(t, rs, back)
}

func TestSummarize(t *testing.T) {
	rs := surveytest.Sample(march, 40, surveytest.After, 1)
	r, err := survey.Summarize(rs)
	require.NoError(t, err)
	assert.Equal(t, 40, r.Respondents)
	f, ok := r.Figure("knows_norm")
	require.True(t, ok)
	// 71% of 40 is 28.4: 28 respondents, 70%, Wilson 54.6–81.9.
	assert.Equal(t, survey.Figure{Question: "knows_norm", Respondents: 40, Estimate: &survey.Estimate{Positive: 28, Percent: 70, Low: 54.6, High: 81.9}}, f)
	f, _ = r.Figure("exposed_physical")
	assert.Equal(t, survey.Figure{Question: "exposed_physical", Respondents: 40, Estimate: &survey.Estimate{Positive: 0, Percent: 0, Low: 0, High: 8.8}}, f)
	b, err := json.Marshal(f)
	require.NoError(t, err)
	assert.JSONEq(t, `{"question":"exposed_physical","respondents":40,"estimate":{"positive":0,"percent":0,"low":0,"high":8.8}}`, string(b), "a share of 0 is written")
	assert.Empty(t, r.Check())

	// One respondent skips knows_norm: 39 answered it.
	delete(rs[0].Answers, "knows_norm")
	r, err = survey.Summarize(rs)
	require.NoError(t, err)
	f, _ = r.Figure("knows_norm")
	assert.Equal(t, 39, f.Respondents)
}

func TestSummarizeSuppressesSmallGroups(t *testing.T) {
	rs := surveytest.Sample(march, 9, surveytest.After, 1)
	r, err := survey.Summarize(rs)
	require.NoError(t, err)
	for _, f := range r.Figures {
		assert.Equal(t, survey.Figure{Question: f.Question, Respondents: 9, Suppressed: true}, f)
	}
	b, err := json.Marshal(r.Figures[0])
	require.NoError(t, err)
	assert.JSONEq(t, `{"question":"exposed_verbal","respondents":9,"suppressed":true}`, string(b), "no share, not even 0, for a group under 10")

	r10, err := survey.Summarize(surveytest.Sample(march, 10, surveytest.After, 1))
	require.NoError(t, err)
	f, _ := r10.Figure("knows_norm")
	assert.False(t, f.Suppressed, "10 respondents is enough")
}

func TestSummarizeRefuses(t *testing.T) {
	rs := surveytest.Sample(march, 12, surveytest.After, 1)
	rs[3].Round = survey.Month{Year: 2025, Month: 3}
	rs[5].Answers["feels_safe"] = survey.Code("yes")
	_, err := survey.Summarize(rs)
	var ne *norm.Error
	require.True(t, errors.As(err, &ne))
	assert.True(t, ne.Has("/3/round", norm.CodeOrder))
	assert.True(t, ne.Has("/5/answers/feels_safe", norm.CodeEnum))
	_, err = survey.Summarize(nil)
	assert.ErrorIs(t, err, norm.ErrInvalid)
}

func TestRoundCheck(t *testing.T) {
	r, err := survey.Summarize(surveytest.Sample(march, 40, surveytest.After, 1))
	require.NoError(t, err)
	r.Figures[0].Estimate.Percent = 99
	r.Figures[1] = survey.Figure{Question: r.Figures[1].Question, Respondents: 5, Estimate: &survey.Estimate{Positive: 5, Percent: 100}}
	r.Figures[2].Estimate.Positive = 50
	r.Figures[3].Estimate = nil
	r.Figures[4].Suppressed = true
	ps := r.Check()
	require.Len(t, ps, 5)
	assert.Equal(t, "/figures/0/estimate/percent", ps[0].Pointer)
	assert.Equal(t, "/figures/1/suppressed", ps[1].Pointer)
	assert.Equal(t, "/figures/2/estimate/positive", ps[2].Pointer)
	assert.Equal(t, "/figures/3/estimate", ps[3].Pointer)
	assert.Equal(t, "/figures/4/estimate", ps[4].Pointer)
}

func TestCompare(t *testing.T) {
	before, err := survey.Summarize(surveytest.Sample(survey.Month{Year: 2025, Month: 3}, 40, surveytest.Before, 2))
	require.NoError(t, err)
	after, err := survey.Summarize(surveytest.Sample(march, 40, surveytest.After, 3))
	require.NoError(t, err)
	cs, err := survey.Compare(before, after)
	require.NoError(t, err)
	require.Len(t, cs, 19)
	by := map[survey.QuestionID]survey.Change{}
	for _, c := range cs {
		by[c.Question] = c
	}
	// Threats: 36% of 40 is 14, 19% is 8 (seed 001, 4.2.1). z-test, p 0.1330 (see stats_test.go).
	th := *by["exposed_threats"].Difference
	assert.Equal(t, survey.TestZ, th.Test)
	assert.Equal(t, -15.0, th.Points)
	assert.Equal(t, 0.133, th.P)
	assert.False(t, th.Significant)
	assert.True(t, th.Improved, "fewer threats is better")
	assert.Equal(t, survey.Pilot{Before: 36, After: 19}, by["exposed_threats"].Pilot)
	// Physical: 2 of 40 to 0 of 40: too few for the z-test; Fisher p 0.4937.
	ph := *by["exposed_physical"].Difference
	assert.Equal(t, survey.TestFisher, ph.Test)
	assert.Equal(t, 0.4937, ph.P)
	// Backed by manager: 24 of 40 to 38 of 40, z = 3.748, p 0.0002.
	bm := *by["backed_by_manager"].Difference
	assert.Equal(t, survey.TestZ, bm.Test)
	assert.Equal(t, 0.0002, bm.P)
	assert.True(t, bm.Significant)
	assert.True(t, bm.Improved)

	// The same shares among 300 respondents: threats now significant.
	bigB, _ := survey.Summarize(surveytest.Sample(survey.Month{Year: 2025, Month: 3}, 300, surveytest.Before, 2))
	bigA, _ := survey.Summarize(surveytest.Sample(march, 300, surveytest.After, 3))
	cs, err = survey.Compare(bigB, bigA)
	require.NoError(t, err)
	for _, c := range cs {
		if c.Question == "exposed_threats" {
			assert.True(t, c.Difference.Significant)
			assert.Equal(t, 0.0, c.Difference.P, "3.1e-06, to four decimals")
		}
	}

	// A suppressed figure is not compared.
	small, _ := survey.Summarize(surveytest.Sample(march, 9, surveytest.After, 3))
	cs, err = survey.Compare(before, small)
	require.NoError(t, err)
	for _, c := range cs {
		assert.Nil(t, c.Difference)
	}
	// A doctored round is refused.
	after.Figures[0].Estimate.Positive++
	_, err = survey.Compare(before, after)
	assert.ErrorIs(t, err, norm.ErrInvalid)
}

func TestMonth(t *testing.T) {
	for _, s := range []string{"2026-00", "2026-13", "26-03", "2026/03", "+026-03", "2026-+3", "0000-01"} {
		_, err := survey.ParseMonth(s)
		assert.Error(t, err, s)
	}
	m, err := survey.ParseMonth("2024-02")
	require.NoError(t, err)
	assert.Equal(t, norm.Date{Year: 2024, Month: 2, Day: 29}, m.Last())
}
