package incident_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/incident/incidenttest"
	"github.com/goedgesprek/goedgesprek/norm"
	"github.com/goedgesprek/goedgesprek/norm/csvform"
)

// FuzzReadCSV checks that ReadCSV never panics, returns either incidents
// that pass Validate or a *norm.Error, and that what it reads survives a
// write and a second read unchanged.
func FuzzReadCSV(f *testing.F) {
	var buf bytes.Buffer
	if err := incident.WriteCSV(&buf, incidenttest.Generate(1, 3, genFrom), incident.WithFreeText()); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.String())
	f.Add(header + "\nA-1,2025-03-14 09:30,2025-03-14 10:00,desk,shouting;threatening,amber,client,P-1,E-1:target;E-2:witness,ja,2,250\n")
	f.Add("kanaal;datum_voorval;datum_melding;gedrag;fase\nphone;2025-03-30 02:30;2025-03-30 03:30;swearing;red\n")
	f.Add("\ufeffid\tdescription\n\"'=1+1\"\t\"x\"\"y\"\n")
	f.Add(header + "\n,,,,,,,,,,,\n\"unterminated")
	f.Fuzz(func(t *testing.T, in string) {
		incs, err := incident.ReadCSV(bytes.NewReader([]byte(in)), incident.WithMaxBytes(1<<16), incident.WithMaxRows(200))
		if err != nil {
			var ne *norm.Error
			if !errors.As(err, &ne) {
				t.Fatalf("error is not a *norm.Error: %v", err)
			}
			if incs != nil || len(ne.Problems) == 0 {
				t.Fatalf("half a result: %d incidents, %d problems", len(incs), len(ne.Problems))
			}
			if len(ne.Problems) > norm.MaxProblems+1 {
				t.Fatalf("%d problems: the list is not capped", len(ne.Problems))
			}
			for _, p := range ne.Problems {
				if p.Code == "" || !p.Message.Complete() {
					t.Fatalf("problem without code or bilingual message: %+v", p)
				}
			}
			return
		}
		for i := range incs {
			require.NoError(t, incident.Validate(&incs[i]))
		}
		var out bytes.Buffer
		require.NoError(t, incident.WriteCSV(&out, incs, incident.WithFreeText()))
		cells, err := csv.NewReader(bytes.NewReader(out.Bytes())).ReadAll()
		require.NoError(t, err)
		for _, rec := range cells {
			for _, c := range rec {
				if csvform.FormulaLike(c) {
					t.Fatalf("wrote a formula cell: %q", c)
				}
			}
		}
		again, err := incident.ReadCSV(&out)
		require.NoError(t, err, "written CSV reads back:\n%s", out.String())
		require.Equal(t, incs, again)
	})
}

// FuzzDecodeIncident checks that DecodeIncident never panics and returns
// either a valid incident or a *norm.Error with bilingual problems, and
// that a decoded incident survives EncodeIncident and a second decode.
func FuzzDecodeIncident(f *testing.F) {
	sample, err := os.ReadFile(filepath.Join("testdata", "incident.json"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(sample)
	for _, inc := range incidenttest.Generate(2, 3, genFrom) {
		var buf bytes.Buffer
		if err := incident.EncodeIncident(&buf, inc); err != nil {
			f.Fatal(err)
		}
		f.Add(buf.Bytes())
	}
	f.Add([]byte(`{"occurred_at":"2026-02-30T10:00:00Z","reported_at":"2026-01-01T00:00:00Z","behaviours":["yelling","shouting","shouting"],"site":"a","site":"b"}`))
	f.Add([]byte(`[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]`))
	f.Add([]byte("{\"description\":\"\xff\",\"perpetrator\":{\"ref\":\"Jan\",\"role\":\"unknown\"}}"))
	f.Fuzz(func(t *testing.T, doc []byte) {
		inc, err := incident.DecodeIncident(bytes.NewReader(doc))
		if err != nil {
			var ne *norm.Error
			if !errors.As(err, &ne) {
				t.Fatalf("error is not a *norm.Error: %v", err)
			}
			if len(ne.Problems) == 0 || ne.Op != "incident.DecodeIncident" {
				t.Fatalf("empty or misnamed error: %#v", ne)
			}
			for _, p := range ne.Problems {
				if p.Code == "" || !p.Message.Complete() {
					t.Fatalf("problem without code or bilingual message: %+v", p)
				}
			}
			if inc.ID != "" || inc.Behaviours != nil || !inc.OccurredAt.IsZero() {
				t.Fatalf("half-decoded incident: %+v", inc)
			}
			return
		}
		require.NoError(t, incident.Validate(&inc))
		var buf bytes.Buffer
		require.NoError(t, incident.EncodeIncident(&buf, inc))
		again, err := incident.DecodeIncident(&buf)
		require.NoError(t, err, "encoded incident decodes:\n%s", buf.String())
		require.Equal(t, inc, again)
	})
}
