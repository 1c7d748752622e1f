package normdoc_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/norm"
	"github.com/goedgesprek/goedgesprek/norm/normdoc"
)

// FuzzDecode checks that Decode never panics; that it returns either a
// document or a *norm.Error whose problems all have a code and a message
// in both languages; and that what it accepts encoding/json reads the
// same way (with unknown fields refused), and survives being written and
// decoded again unchanged.
func FuzzDecode(f *testing.F) {
	f.Add(sample(f))
	f.Add([]byte(`{"version":"1","organisation":{"name":"X"},"adopted":"2026-01-31","norm":{"behaviours":["swearing"],"known_to_employees":[],"known_to_clients":["website"]}}`))
	f.Add([]byte(`{"version":"1","organisation":{"name":"X"},"adopted":"2026-02-30","norm":{"behaviours":[],"known_to_employees":[],"known_to_clients":[]},"service":{"turnaround":[{"request":{"nl":"a","en":""},"days":-1}],"reachability":[],"treatment":[],"known_to_employees":[],"known_to_clients":[]}}`))
	f.Fuzz(func(t *testing.T, in []byte) {
		d, err := normdoc.DecodeBytes(in)
		if err != nil {
			var ne *norm.Error
			if !errors.As(err, &ne) {
				t.Fatalf("error is not a *norm.Error: %v", err)
			}
			if len(ne.Problems) == 0 || len(ne.Problems) > norm.MaxProblems+1 {
				t.Fatalf("%d problems", len(ne.Problems))
			}
			for _, p := range ne.Problems {
				if p.Code == "" || !p.Message.Complete() {
					t.Fatalf("problem without code or bilingual message: %+v", p)
				}
			}
			return
		}
		var plain normdoc.Document
		dec := json.NewDecoder(bytes.NewReader(in))
		dec.DisallowUnknownFields()
		require.NoError(t, dec.Decode(&plain), "encoding/json refuses what Decode accepted")
		require.Equal(t, plain, d, "encoding/json reads it differently")
		require.NoError(t, d.Norm.Validate())
		out, err := json.Marshal(d)
		require.NoError(t, err)
		again, err := normdoc.DecodeBytes(out)
		require.NoError(t, err, "written document reads back: %s", out)
		// An empty list left out by omitempty reads back as nil: compare
		// what the two say, not their Go form.
		out2, err := json.Marshal(again)
		require.NoError(t, err)
		require.Equal(t, string(out), string(out2))
	})
}
