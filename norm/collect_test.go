package norm_test

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/norm"
)

func problemsN(n int) []norm.Problem {
	ps := make([]norm.Problem, n)
	for i := range ps {
		ps[i] = norm.Problem{Row: i + 2, Code: norm.CodeEnum, Message: norm.T("fout", "wrong")}
	}
	return ps
}

func TestProblemsKeepsTheFirstAndCountsTheRest(t *testing.T) {
	var ps norm.Problems
	require.NoError(t, ps.Err("x.Op"))
	for _, p := range problemsN(250_000) {
		ps.Add(p)
	}
	assert.Equal(t, 250_000, ps.Len())
	list := ps.List()
	require.Len(t, list, norm.MaxProblems+1)
	assert.Equal(t, 2, list[0].Row)
	assert.Equal(t, norm.MaxProblems+1, list[norm.MaxProblems-1].Row)
	last := list[norm.MaxProblems]
	assert.Equal(t, norm.CodeMore, last.Code)
	assert.Equal(t, "and 249900 more problems that are not listed", last.Message.EN)
	assert.Equal(t, "en nog 249900 problemen die niet zijn vermeld", last.Message.NL)

	var ne *norm.Error
	require.True(t, errors.As(ps.Err("x.Op"), &ne))
	assert.True(t, strings.HasPrefix(ne.In(norm.EN), "x.Op: 250000 problems\n"), ne.In(norm.EN)[:40])
	assert.True(t, strings.HasPrefix(ne.In(norm.NL), "x.Op: 250000 problemen\n"))
}

func TestNewErrorCapsLongLists(t *testing.T) {
	tests := []struct {
		n, want int
		more    string
	}{
		{0, 0, ""},
		{1, 1, ""},
		{norm.MaxProblems, norm.MaxProblems, ""},
		{norm.MaxProblems + 1, norm.MaxProblems + 1, "and 1 more problem that is not listed"},
		{100_000, norm.MaxProblems + 1, "and 99900 more problems that are not listed"},
	}
	for _, tt := range tests {
		t.Run(strconv.Itoa(tt.n), func(t *testing.T) {
			err := norm.NewError("x.Op", problemsN(tt.n))
			if tt.n == 0 {
				require.NoError(t, err)
				return
			}
			var ne *norm.Error
			require.True(t, errors.As(err, &ne))
			require.Len(t, ne.Problems, tt.want)
			if tt.more != "" {
				assert.Equal(t, tt.more, ne.Problems[len(ne.Problems)-1].Message.EN)
			}
			assert.Contains(t, ne.Error(), "x.Op: "+strconv.Itoa(tt.n)+" problem")
		})
	}
}

func TestCapTwiceCountsOnce(t *testing.T) {
	once := norm.Cap(problemsN(5000))
	twice := norm.Cap(once)
	assert.Equal(t, once, twice)
	// A list cut elsewhere and joined with more problems keeps its count.
	joined := norm.Cap(append(problemsN(3), once...))
	require.Len(t, joined, norm.MaxProblems+1)
	assert.Equal(t, "and 4903 more problems that are not listed", joined[norm.MaxProblems].Message.EN)
}
