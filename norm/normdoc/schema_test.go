package normdoc_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/goedgesprek/goedgesprek/norm"
	"github.com/goedgesprek/goedgesprek/norm/normdoc"
)

// The document's pattern for an extra code and norm's own check agree on
// every length around the limit, so that no code the document accepts is
// refused when an incident uses it, and none is refused here that an
// incident could carry.
func TestExtraCodePatternMatchesNorm(t *testing.T) {
	re := regexp.MustCompile(normdoc.ExtraCodePattern)
	for n := 1; n <= norm.MaxOrgCodeLen+2; n++ {
		code := "a" + strings.Repeat("b", n-1)
		assert.Equal(t, norm.ValidOrgCode(code), re.MatchString(code), "length %d", n)
	}
	for _, code := range []string{"Abc", "1abc", "_abc", "a-b", "a b", "a_1"} {
		assert.Equal(t, norm.ValidOrgCode(code), re.MatchString(code), code)
	}
}
