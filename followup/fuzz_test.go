package followup_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"os"
	"testing"
	"time"

	"github.com/goedgesprek/goedgesprek/followup"
	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/norm"
	"github.com/goedgesprek/goedgesprek/norm/csvform"
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
		// Status takes any valid action without trouble.
		obs := mustPlan(t, oneIncident(t), followup.Policy{})
		mustStatus(t, obs, []followup.Action{a}, a.At)
	})
}

// FuzzReadActionsCSV: ReadActionsCSV never panics and returns either
// actions that pass Validate or the typed error with rows and no actions.
func FuzzReadActionsCSV(f *testing.F) {
	f.Add([]byte("id,incident_id,kind,subject,at,outcome,form,reason\nA1,INC-1,reaction,perpetrator,2026-03-11T09:15:00+01:00,done,ban,\n"))
	f.Add([]byte("\ufeffsoort,kenmerk,incident,betreft,uitkomst,tijdstip\naftercare,A1,INC-1,E-001,declined,2026-03-11T09:15:00+01:00\n"))
	f.Add([]byte("id,incident_id,kind,subject,at,outcome\n\"A1,INC\n"))
	f.Add([]byte("id,id\n"))
	f.Add([]byte(""))
	f.Fuzz(func(t *testing.T, doc []byte) {
		actions, err := followup.ReadActionsCSV(bytes.NewReader(doc))
		if err != nil {
			var ne *norm.Error
			if !errors.As(err, &ne) || len(ne.Problems) == 0 {
				t.Fatalf("not the typed error: %v", err)
			}
			if actions != nil {
				t.Fatalf("actions with an error")
			}
			if len(ne.Problems) > norm.MaxProblems+1 {
				t.Fatalf("%d problems: the list is not capped", len(ne.Problems))
			}
			for _, p := range ne.Problems {
				if !p.Message.Complete() || (p.Row == 0 && p.Code != norm.CodeTooLarge && p.Code != norm.CodeMore) {
					t.Fatalf("problem without a row or bilingual message: %+v", p)
				}
			}
			return
		}
		for _, a := range actions {
			if err := a.Validate("fuzz"); err != nil {
				t.Fatalf("read an invalid action: %v", err)
			}
			for _, v := range []string{a.ID, string(a.IncidentID), a.Subject} {
				if csvform.FormulaLike(v) {
					t.Fatalf("read a formula as an ID or reference: %q", v)
				}
			}
		}
		var buf bytes.Buffer
		if err := followup.WriteActionsCSV(&buf, actions); err != nil {
			t.Fatal(err)
		}
		cells, err := csv.NewReader(bytes.NewReader(buf.Bytes())).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		for _, rec := range cells {
			for _, c := range rec {
				if csvform.FormulaLike(c) {
					t.Fatalf("wrote a formula cell: %q", c)
				}
			}
		}
		back, err := followup.ReadActionsCSV(&buf)
		if err != nil || len(back) != len(actions) {
			t.Fatalf("round trip: %d of %d actions back, %v", len(back), len(actions), err)
		}
		for i := range back {
			a, b := actions[i], back[i]
			if !a.At.Equal(b.At) {
				t.Fatalf("round trip changed the time: %v, %v", a.At, b.At)
			}
			a.At, b.At = time.Time{}, time.Time{}
			if a != b {
				t.Fatalf("round trip changed the action:\n%+v\n%+v", a, b)
			}
		}
	})
}

// FuzzPlan: Plan and Status never panic, whatever the times and the policy,
// and every deadline is at or after its anchor.
func FuzzPlan(f *testing.F) {
	f.Add(int64(1774688400), int64(48), int64(72), uint8(0), uint8(0), 14, 42, true, "INC-1")
	f.Add(int64(1792886400), int64(25), int64(24), uint8(1), uint8(1), 1, 1, false, "")
	f.Add(int64(-62135596800), int64(1<<40), int64(-5), uint8(1), uint8(2), 0, 100000, false, "x/y")
	f.Fuzz(func(t *testing.T, unix, reactionH, firstH int64, counting, lib uint8, repeat, check int, goodFriday bool, id string) {
		p := followup.Policy{
			Reaction:      time.Duration(reactionH) * time.Hour,
			FirstContact:  time.Duration(firstH) * time.Hour,
			RepeatDays:    repeat % 100000,
			CheckDays:     check % 100000,
			GoodFriday:    goodFriday,
			Counting:      []followup.Counting{followup.CountElapsed, followup.CountWorkingDays, "x"}[int(counting)%3],
			LiberationDay: []followup.LiberationDay{followup.LiberationEveryYear, followup.LiberationLustrum, followup.LiberationNever, ""}[int(lib)%4],
		}
		inc := oneIncident(t)
		inc.ID = incident.ID(id)
		inc.OccurredAt = time.Unix(unix%(1<<40), 0)
		obs, err := followup.Plan(inc, p)
		if (err != nil) != (p.Validate() != nil) {
			t.Fatalf("Plan and Validate disagree on %+v: %v", p, err)
		}
		for _, o := range obs {
			if o.Due.Before(inc.OccurredAt) && reactionH > 0 && firstH > 0 && reactionH < 1<<20 && firstH < 1<<20 && unix > 0 {
				t.Fatalf("%s due %v before the anchor %v", o.Kind, o.Due, inc.OccurredAt)
			}
		}
		mustStatus(t, obs, nil, inc.OccurredAt)
	})
}
