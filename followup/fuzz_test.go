package followup_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"testing"

	"github.com/goedgesprek/goedgesprek/followup"
	"github.com/goedgesprek/goedgesprek/norm"
)

// FuzzDecodeAction: DecodeAction never panics and returns either an action
// that passes Validate and survives a round trip, or the typed error with
// bilingual problems and no action.
func FuzzDecodeAction(f *testing.F) {
	f.Add([]byte(validAction))
	for _, p := range sampleActionFiles(f) {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`{"id":"A3","incident_id":"INC-9","kind":"police_report","subject":"perpetrator","at":"2026-10-25T01:30:00Z","outcome":"not_possible","reason":"x"}`))
	f.Add([]byte(`{"id":"A","incident_id":"I","kind":"aftercare","subject":"E","at":"2026-10-25T02:30:00+02:00","outcome":"declined","form":"ban"}`))
	f.Add([]byte(`{"id":"A","id":"B"}`))
	f.Add([]byte(`[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]`))
	f.Add([]byte("{\"id\":\"\xff\"}"))
	f.Add([]byte(`{"at":"0000-01-01T00:00:00Z"}`))
	f.Add([]byte(`{"at":"9999-12-31T23:59:59.999999999-23:59"}`))
	f.Fuzz(func(t *testing.T, doc []byte) {
		a, err := followup.DecodeAction(bytes.NewReader(doc))
		if err != nil {
			var ne *norm.Error
			if !errors.As(err, &ne) || len(ne.Problems) == 0 {
				t.Fatalf("not the typed error: %v", err)
			}
			if a != (followup.Action{}) {
				t.Fatalf("half-decoded: %+v", a)
			}
			for _, p := range ne.Problems {
				if !p.Message.Complete() {
					t.Fatalf("message not bilingual: %+v", p)
				}
			}
			return
		}
		if err := a.Validate("fuzz"); err != nil {
			t.Fatalf("decoded an invalid action: %v", err)
		}
		b, err := json.Marshal(a)
		if err != nil {
			t.Fatalf("cannot encode a decoded action: %v", err)
		}
		back, err := followup.DecodeAction(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("round trip refused %s: %v", b, err)
		}
		if !back.At.Equal(a.At) {
			t.Fatalf("round trip changed the time: %v != %v", back.At, a.At)
		}
		// Status and Summarize take any valid action without trouble.
		obs := followup.Plan(oneIncident(t), followup.Policy{})
		_ = followup.Status(obs, []followup.Action{a}, a.At)
	})
}
