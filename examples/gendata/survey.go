package main

import (
	"bytes"
	"os"
	"path/filepath"

	"github.com/goedgesprek/goedgesprek/checklist/survey"
	"github.com/goedgesprek/goedgesprek/checklist/survey/surveytest"
)

// sampleSurveys are the synthetic employee surveys of the sample
// organisation: the 0-measurement a year before the rollout (the month of
// ind-before.json) and the 1-measurement after it (the month of
// ind-after.json), each among the pilot's 40 respondents and among 400,
// about everyone with client contact. Their shares are the pilot's
// figures (seed 001, 4.2) as nearly as the size allows.
var sampleSurveys = []struct {
	file  string
	round survey.Month
	n     int
	phase surveytest.Phase
	seed  uint64
}{
	{"survey-before.csv", survey.Month{Year: 2025, Month: 3}, 40, surveytest.Before, seed},
	{"survey-after.csv", survey.Month{Year: 2026, Month: 3}, 40, surveytest.After, seed + 1},
	{"survey-before-large.csv", survey.Month{Year: 2025, Month: 3}, 400, surveytest.Before, seed + 2},
	{"survey-after-large.csv", survey.Month{Year: 2026, Month: 3}, 400, surveytest.After, seed + 3},
}

// writeSurveys writes the sample surveys into dir.
func writeSurveys(dir string) error {
	for _, s := range sampleSurveys {
		var b bytes.Buffer
		if err := surveytest.WriteCSV(&b, surveytest.Sample(s.round, s.n, s.phase, s.seed)); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, s.file), b.Bytes(), 0o644); err != nil {
			return err
		}
	}
	return nil
}
