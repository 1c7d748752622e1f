package norm_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/norm"
)

func TestParseLang(t *testing.T) {
	tests := []struct {
		in   string
		want norm.Lang
		ok   bool
	}{
		{"", norm.NL, true}, // the documented default
		{"nl", norm.NL, true},
		{"nl-NL", norm.NL, true},
		{"nl-BE", norm.NL, true},
		{"en", norm.EN, true},
		{"en-GB", norm.EN, true},
		{"en-US", norm.EN, true},
		{"fr", "", false},
		{"zh-Hant", "", false},
		{"not a tag!", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := norm.ParseLang(tt.in)
			if !tt.ok {
				var ce *norm.CodeError
				require.ErrorAs(t, err, &ce)
				assert.Equal(t, tt.in, ce.Value)
				assert.Equal(t, []string{"nl", "en"}, ce.Allowed)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestText(t *testing.T) {
	x := norm.T("hallo", "hello")
	assert.Equal(t, "hallo", x.In(norm.NL))
	assert.Equal(t, "hello", x.In(norm.EN))
	assert.Equal(t, "hallo", x.In("fr"), "anything but English is Dutch")
	assert.True(t, x.Complete())
	assert.False(t, norm.T("hallo", "").Complete())
	assert.Equal(t, norm.T("3 dagen", "3 days"), norm.Textf("%d dagen", "%d days", 3))
	assert.Equal(t, []norm.Lang{norm.NL, norm.EN}, norm.Langs())
}

func TestSource(t *testing.T) {
	assert.Equal(t, "seed 001, 2.2.1", norm.Source{Seed: "001", Section: "2.2.1"}.String())
	assert.Equal(t, "seed 004", norm.Source{Seed: "004"}.String())
	assert.False(t, norm.Source{}.Valid())
}
