package checklist

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/goedgesprek/goedgesprek/norm"
)

// The evaluator sizes its scratch space with constants; they must match
// the catalogue.
func TestScratchSizes(t *testing.T) {
	assert.Len(t, catalogue, len14)
	assert.Len(t, norm.PrincipleIDs(), len18)
	assert.LessOrEqual(t, len(criteria), maxCriteria)
	assert.Len(t, findingCodes, findingCodeCount)
}

func TestAppendDate(t *testing.T) {
	for _, d := range []norm.Date{{Year: 2025, Month: 3, Day: 4}, {Year: 987, Month: 12, Day: 31}, {Year: 2012, Month: 10, Day: 1}} {
		assert.Equal(t, d.String(), string(appendDate(nil, d)))
	}
}

func TestAppendNum(t *testing.T) {
	assert.Equal(t, "82,5", string(appendNum(nil, 82.5, 0)))
	assert.Equal(t, "82.5", string(appendNum(nil, 82.5, 1)))
	assert.Equal(t, "100", string(appendNum(nil, 100, 0)))
}

// The rating reason names the bounds the rating applied, GreenFrom and
// AmberFrom, in both languages (issue 16: the texts used to spell 55 and
// 80 beside the constants).
func TestRatingReasonUsesTheBounds(t *testing.T) {
	g, a := strconv.Itoa(GreenFrom), strconv.Itoa(AmberFrom)
	for li := range langs {
		for _, tt := range []struct {
			rule RatingRule
			want []string
		}{
			{RatingScoreRed, []string{a}},
			{RatingScoreAmber, []string{a, g}},
			{RatingScoreGreen, []string{g}},
			{RatingCapped, []string{g}},
		} {
			got := string(appendRatingReason(nil, tt.rule, 50, []CriterionID{"GG12-1"}, li))
			for _, w := range tt.want {
				assert.Contains(t, got, " "+w, "%s in %s", tt.rule, langs[li])
			}
		}
	}
}
