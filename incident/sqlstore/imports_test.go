package sqlstore_test

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Neither store imports the other: the action checks they share live in
// followup (issue 16).
func TestStoresDoNotImportEachOther(t *testing.T) {
	const mod = "github.com/goedgesprek/goedgesprek/"
	for dir, other := range map[string]string{".": "incident/inmem", "../inmem": "incident/sqlstore"} {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		require.NoError(t, err)
		require.NotEmpty(t, files)
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			pf, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.ImportsOnly)
			require.NoError(t, err)
			for _, imp := range pf.Imports {
				p, _ := strconv.Unquote(imp.Path.Value)
				assert.NotEqual(t, mod+other, p, "%s imports %s", f, other)
			}
		}
	}
}
