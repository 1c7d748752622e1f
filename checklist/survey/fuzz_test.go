package survey_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/goedgesprek/goedgesprek/checklist/survey"
	"github.com/goedgesprek/goedgesprek/norm"
	"github.com/goedgesprek/goedgesprek/norm/form"
)

// FuzzDecodeResponse checks DecodeResponse against encoding/json: what it
// accepts, encoding/json (unknown fields refused) reads to the same
// response, the response fits the instrument, and writing it and reading
// it back gives it again. What it refuses is a *norm.Error whose every
// problem has a message in both languages. The corpus is in
// testdata/fuzz/FuzzDecodeResponse.
func FuzzDecodeResponse(f *testing.F) {
	for _, s := range []string{
		`{"round":"2026-03","answers":{"knows_norm":"partly","feels_safe":5,"exposed_threats":"no"}}`,
		`{"version":"1","round":"2025-12","answers":{}}`,
		`{"round":"2026-03","answers":{"feels_safe":7}}`,
		`{"round":"2026-03","answers":{"feels_safe":4.0}}`,
		`{"round":"2026-02","answers":{"knows_nrom":"yes"}}`,
		`{"round":"2026-03","round":"2026-03"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, doc []byte) {
		r, err := survey.DecodeResponse(bytes.NewReader(doc), form.Limits{})
		if err != nil {
			var ne *norm.Error
			if !errors.As(err, &ne) || len(ne.Problems) == 0 {
				t.Fatalf("refused without a *norm.Error listing problems: %v", err)
			}
			for _, p := range ne.Problems {
				if p.Message.NL == "" || p.Message.EN == "" {
					t.Fatalf("problem without a message in both languages: %+v", p)
				}
			}
			return
		}
		var ref survey.Response
		dec := json.NewDecoder(bytes.NewReader(doc))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&ref); err != nil {
			t.Fatalf("accepted, but encoding/json refuses it: %v", err)
		}
		if ref.Version == "" {
			ref.Version = survey.ResponseVersion
		}
		if ref.Answers == nil {
			ref.Answers = map[survey.QuestionID]survey.Answer{}
		}
		a, _ := json.Marshal(r)
		b, _ := json.Marshal(ref)
		if !bytes.Equal(a, b) {
			t.Fatalf("differs from encoding/json:\n%s\n%s", a, b)
		}
		if _, err := survey.Summarize([]survey.Response{r}); err != nil {
			t.Fatalf("accepted a response that does not fit the instrument: %v", err)
		}
		again, err := survey.DecodeResponse(strings.NewReader(string(a)), form.Limits{})
		if err != nil {
			t.Fatalf("its own output is refused: %v\n%s", err, a)
		}
		c, _ := json.Marshal(again)
		if !bytes.Equal(a, c) {
			t.Fatalf("round trip changed it:\n%s\n%s", a, c)
		}
	})
}

// FuzzReadCSV checks that ReadCSV either refuses a file with problems
// that each name a row, or returns responses that all fit the instrument
// and belong to one round, never more than the file has lines.
func FuzzReadCSV(f *testing.F) {
	for _, s := range []string{
		"round,knows_norm,feels_safe\n2026-03,fully,5\n2026-03,,2\n",
		"\ufeffround;knows_to_report\r\n2026-03;yes\r\n2026-03;'=1+1\r\n",
		"round,name\n2026-03,Jan\n",
		"round,feels_safe\n2026-03,\"4\n",
		"round,feels_safe,\n2026-03,4,,\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, doc []byte) {
		rs, err := survey.ReadCSV(bytes.NewReader(doc))
		if err != nil {
			var ne *norm.Error
			if !errors.As(err, &ne) || len(ne.Problems) == 0 {
				t.Fatalf("refused without a *norm.Error listing problems: %v", err)
			}
			for _, p := range ne.Problems {
				if p.Row < 0 || p.Message.NL == "" || p.Message.EN == "" {
					t.Fatalf("problem without a row or a message in both languages: %+v", p)
				}
			}
			return
		}
		if len(rs) > bytes.Count(doc, []byte("\n"))+bytes.Count(doc, []byte("\r"))+1 {
			t.Fatalf("%d responses from %d bytes", len(rs), len(doc))
		}
		if len(rs) > 0 {
			if _, err := survey.Summarize(rs); err != nil {
				t.Fatalf("ReadCSV returned responses Summarize refuses: %v", err)
			}
		}
	})
}
