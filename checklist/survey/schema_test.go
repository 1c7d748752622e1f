package survey_test

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/checklist/survey"
	"github.com/goedgesprek/goedgesprek/norm"
	"github.com/goedgesprek/goedgesprek/norm/form"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestSchemaGolden keeps the response schemas in testdata/schema, so that
// a change to them shows in review.
func TestSchemaGolden(t *testing.T) {
	for _, l := range norm.Langs() {
		for _, d := range form.Dialects() {
			name := "response." + string(l) + "." + string(d) + ".json"
			if d == form.Draft07 {
				name = "response." + string(l) + ".draft-07.json"
			}
			got, err := survey.Schema(l, d)
			require.NoError(t, err)
			path := filepath.Join("testdata", "schema", name)
			if *update {
				require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
				require.NoError(t, os.WriteFile(path, append(got, '\n'), 0o644))
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err, "go test ./checklist/survey -update creates %s", path)
			assert.Equal(t, string(want), string(got)+"\n", "%s differs (go test ./checklist/survey -update rewrites it)", path)
		}
	}
}
