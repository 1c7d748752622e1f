package main

import (
	"bytes"
	"os"
	"path/filepath"

	"github.com/goedgesprek/goedgesprek/followup"
	"github.com/goedgesprek/goedgesprek/incident"
)

// writeRegister writes register.csv (without free text) and
// register-actions.csv into dir.
func writeRegister(dir string, incs []incident.Incident, acts []followup.Action) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var b bytes.Buffer
	if err := incident.WriteCSV(&b, incs); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "register.csv"), b.Bytes(), 0o644); err != nil {
		return err
	}
	b.Reset()
	if err := followup.WriteActionsCSV(&b, acts); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "register-actions.csv"), b.Bytes(), 0o644)
}
