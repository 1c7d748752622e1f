package incident_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/incident/incidenttest"
	"github.com/goedgesprek/goedgesprek/norm"
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
		again, err := incident.ReadCSV(&out)
		require.NoError(t, err, "written CSV reads back:\n%s", out.String())
		require.Equal(t, incs, again)
	})
}
