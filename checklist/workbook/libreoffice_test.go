package workbook_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/checklist/workbook"
	"github.com/goedgesprek/goedgesprek/norm"
)

// soffice finds LibreOffice, or skips (fails under CI=true) saying what
// to install.
func soffice(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("soffice")
	if err != nil {
		msg := "soffice not found: install LibreOffice (Debian: apt-get install libreoffice-calc-nogui, or bash .ci/libreoffice.sh)"
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return p
}

// resave opens the workbook in LibreOffice and saves it as xlsx again, as
// someone who edits the workbook in LibreOffice Calc does.
func resave(t *testing.T, bin string, in []byte) []byte {
	t.Helper()
	dir := t.TempDir()
	src := filepath.Join(dir, "zelfevaluatie.xlsx")
	out := filepath.Join(dir, "out")
	require.NoError(t, os.WriteFile(src, in, 0o644))
	// Its own profile, so that it neither waits for nor disturbs a
	// LibreOffice already running.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--headless", "--convert-to", "xlsx", "--outdir", out, src)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	b, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", b)
	got, err := os.ReadFile(filepath.Join(out, "zelfevaluatie.xlsx"))
	require.NoError(t, err, "soffice wrote no workbook: %s", b)
	return got
}

// libreOfficeSample is ind-after.json filled in with excelize and saved by
// LibreOffice: kept in testdata so that the reader is held to a real
// LibreOffice file where soffice is not installed.
var libreOfficeSample = filepath.Join("testdata", "libreoffice", "ind-after.nl.xlsx")

// TestLibreOfficeRoundTrip fills in the workbook, has LibreOffice save it,
// and reads it back: the same assessment as before LibreOffice, and the
// same report as the JSON. With -update it refreshes the kept sample.
func TestLibreOfficeRoundTrip(t *testing.T) {
	bin := soffice(t)
	for _, lang := range []norm.Lang{norm.NL, norm.EN} {
		t.Run(string(lang), func(t *testing.T) {
			want := loadSample(t, "ind-after.json")
			f := blank(t, lang)
			fill(t, f, lang, want)
			ours := save(t, f)
			before, err := workbook.Read(bytes.NewReader(ours), workbook.Limits{})
			require.NoError(t, err)
			saved := resave(t, bin, ours)
			after, err := workbook.Read(bytes.NewReader(saved), workbook.Limits{})
			require.NoError(t, err)
			require.Equal(t, before, after)
			require.Equal(t, reportOf(t, want, lang), reportOf(t, after, lang))
			if *update && lang == norm.NL {
				require.NoError(t, os.MkdirAll(filepath.Dir(libreOfficeSample), 0o755))
				require.NoError(t, os.WriteFile(libreOfficeSample, saved, 0o644))
			}
		})
	}
}

// TestLibreOfficeSample reads the kept LibreOffice file, soffice or not.
func TestLibreOfficeSample(t *testing.T) {
	b, err := os.ReadFile(libreOfficeSample)
	require.NoError(t, err)
	got, err := workbook.Read(bytes.NewReader(b), workbook.Limits{})
	require.NoError(t, err)
	want := loadSample(t, "ind-after.json")
	require.Equal(t, reportOf(t, want, norm.NL), reportOf(t, got, norm.NL))
}
