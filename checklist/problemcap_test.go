package checklist_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/checklist"
	"github.com/goedgesprek/goedgesprek/norm"
)

// A document built to fail everywhere gets the first problems listed and
// the rest counted, truly: the count once said "and 1 more" for 5,000.
func TestDecodeAssessmentCountsWhatItDoesNotList(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{`)
	for i := range 5000 {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `"k%d":1`, i)
	}
	b.WriteString(`}`)
	_, err := checklist.DecodeAssessment(strings.NewReader(b.String()))
	var ne *norm.Error
	require.ErrorAs(t, err, &ne)
	require.Len(t, ne.Problems, norm.MaxProblems+1)
	last := ne.Problems[norm.MaxProblems]
	assert.Equal(t, norm.CodeMore, last.Code)
	n := len(strings.Split(ne.Error(), "\n")) // header, 100 problems, "and N more"
	assert.Equal(t, norm.MaxProblems+2, n)
	assert.Regexp(t, `^and (49\d\d) more problems that are not listed$`, last.Message.EN)
	assert.True(t, strings.HasPrefix(ne.Error(), "checklist.DecodeAssessment: 50"), strings.SplitN(ne.Error(), "\n", 2)[0])
}
