package incident_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/norm"
	"github.com/goedgesprek/goedgesprek/norm/form"
	"github.com/goedgesprek/goedgesprek/norm/normtest"
)

// The schema bytes one caller changes are not the bytes the next caller
// gets, nor the ones DecodeIncident validates against.
func TestSchemaBytesAreCopies(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("testdata", "incident.json"))
	require.NoError(t, err)
	for _, d := range form.Dialects() {
		normtest.CachedCopies(t, func() ([]byte, error) { return incident.Schema(norm.NL, d) })
	}
	_, err = incident.DecodeIncident(bytes.NewReader(doc))
	require.NoError(t, err)
}

// DefaultLadder hands out a copy; neither changing it nor a DossierOption
// that edits the ladder in place changes the next Dossier.
func TestDefaultLadderIsACopy(t *testing.T) {
	s := newStore(t, mk("a", "P-1", 0, norm.Swearing), mk("b", "P-1", 30, norm.Spitting))
	at := t0.AddDate(0, 0, 31)
	want, err := incident.Dossier(context.Background(), s, "P-1", 0, at)
	require.NoError(t, err)

	l := incident.DefaultLadder()
	l.Window = 1
	for i := range l.Rules {
		l.Rules[i].Step = incident.StepBan
		l.Rules[i].Categories = append(l.Rules[i].Categories[:0:0], norm.Verbal)
		for j := range l.Rules[i].Categories {
			l.Rules[i].Categories[j] = norm.Verbal
		}
	}
	inPlace := func(l *incident.Ladder) {
		for i := range l.Rules {
			l.Rules[i].MinIncidents = 99
			for j := range l.Rules[i].Categories {
				l.Rules[i].Categories[j] = norm.Verbal
			}
		}
	}
	_, err = incident.Dossier(context.Background(), s, "P-1", 0, at, inPlace)
	require.NoError(t, err)
	custom := incident.DefaultLadder()
	_, err = incident.Dossier(context.Background(), s, "P-1", 0, at, incident.WithLadder(custom))
	require.NoError(t, err)
	custom.Rules[0].Step = incident.StepBan // after the call: changes nothing later either

	got, err := incident.Dossier(context.Background(), s, "P-1", 0, at)
	require.NoError(t, err)
	assert.Equal(t, want, got)
	assert.Equal(t, incident.StepWarningLetter, got.Next)
	assert.Equal(t, want.Entries[1].Step, got.Entries[1].Step)
	fresh := incident.DefaultLadder()
	assert.Equal(t, incident.Year, fresh.Window)
	assert.Equal(t, incident.StepConversation, fresh.Rules[0].Step)
}

// Callers changing what they were handed at the same time as others
// decode and ask for dossiers (run with -race).
func TestSharedStateConcurrentCallers(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("testdata", "incident.json"))
	require.NoError(t, err)
	s := newStore(t, mk("a", "P-1", 0, norm.Swearing))
	var wg sync.WaitGroup
	for g := range 6 {
		wg.Go(func() {
			for range 20 {
				switch g % 3 {
				case 0:
					if b, err := incident.Schema(norm.NL, form.Draft2020); err == nil {
						b[len(b)/2] = '!'
					}
					l := incident.DefaultLadder()
					l.Rules[0].Categories = append(l.Rules[0].Categories, norm.Verbal)
				case 1:
					_, err := incident.DecodeIncident(bytes.NewReader(doc))
					assert.NoError(t, err)
				case 2:
					d, err := incident.Dossier(context.Background(), s, "P-1", 0, t0.AddDate(0, 0, 1),
						func(l *incident.Ladder) { l.Rules[0].MinIncidents = 1 })
					assert.NoError(t, err)
					assert.Equal(t, incident.StepConversation, d.Next)
				}
			}
		})
	}
	wg.Wait()
}
