package main

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/followup"
	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/incident/storetest"
)

// writeDB stores incidents and actions together or not at all: an action
// on an unknown incident used to leave the incidents in a new file.
func TestWriteDBAllOrNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "register.db")
	at := until.Add(-48 * time.Hour)
	incs := []incident.Incident{storetest.Sample("INC-1", at)}
	acts := []followup.Action{{ID: "A-1", IncidentID: "INC-NOPE", Kind: followup.KindReaction, Subject: followup.SubjectPerpetrator,
		At: at.Add(time.Hour), Outcome: followup.OutcomeDone, Form: "conversation"}}
	require.ErrorIs(t, writeDB(path, incs, acts), incident.ErrNotFound)
	assert.NoFileExists(t, path)
}
