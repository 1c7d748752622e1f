package norm_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/goedgesprek/goedgesprek/norm"
)

func TestClassify(t *testing.T) {
	tests := []struct {
		name  string
		codes []norm.BehaviourCode
		want  norm.Classification
	}{
		{"nil", nil, norm.Classification{}},
		{"empty", []norm.BehaviourCode{}, norm.Classification{}},
		{"only unknown codes", []norm.BehaviourCode{"bogus", ""}, norm.Classification{}},
		{"single verbal", []norm.BehaviourCode{norm.Swearing},
			norm.Classification{Categories: []norm.Category{norm.Verbal}, Worst: norm.Verbal, Severity: norm.SeverityLow}},
		{"repeated behaviour counts once", []norm.BehaviourCode{norm.Shouting, norm.Shouting, norm.Swearing},
			norm.Classification{Categories: []norm.Category{norm.Verbal}, Worst: norm.Verbal, Severity: norm.SeverityLow}},
		{"single discrimination", []norm.BehaviourCode{norm.DiscriminatingRemarks},
			norm.Classification{Categories: []norm.Category{norm.Discrimination}, Worst: norm.Discrimination, Severity: norm.SeverityMedium}},
		{"single sexual", []norm.BehaviourCode{norm.Whistling},
			norm.Classification{Categories: []norm.Category{norm.Sexual}, Worst: norm.Sexual, Severity: norm.SeverityMedium}},
		{"single property", []norm.BehaviourCode{norm.DamagingProperty},
			norm.Classification{Categories: []norm.Category{norm.Property}, Worst: norm.Property, Severity: norm.SeverityMedium}},
		{"single threat", []norm.BehaviourCode{norm.Blackmail},
			norm.Classification{Categories: []norm.Category{norm.Threat}, Worst: norm.Threat, Severity: norm.SeverityHigh}},
		{"single physical", []norm.BehaviourCode{norm.Spitting},
			norm.Classification{Categories: []norm.Category{norm.Physical}, Worst: norm.Physical, Severity: norm.SeverityHigh}},
		{"unknown code ignored", []norm.BehaviourCode{"bogus", norm.Taunting},
			norm.Classification{Categories: []norm.Category{norm.Verbal}, Worst: norm.Verbal, Severity: norm.SeverityLow}},
		{"mixed, listed most severe first, sorted least severe first",
			[]norm.BehaviourCode{norm.Hitting, norm.Threatening, norm.Swearing},
			norm.Classification{Categories: []norm.Category{norm.Verbal, norm.Threat, norm.Physical}, Worst: norm.Physical, Severity: norm.SeverityHigh}},
		{"verbal and sexual is medium", []norm.BehaviourCode{norm.SexualRemarks, norm.Shouting},
			norm.Classification{Categories: []norm.Category{norm.Verbal, norm.Sexual}, Worst: norm.Sexual, Severity: norm.SeverityMedium}},
		{"property outranks sexual and discrimination",
			[]norm.BehaviourCode{norm.DamagingProperty, norm.UnwantedTouching, norm.DiscriminatingConduct},
			norm.Classification{Categories: []norm.Category{norm.Discrimination, norm.Sexual, norm.Property}, Worst: norm.Property, Severity: norm.SeverityMedium}},
		{"threat outranks property", []norm.BehaviourCode{norm.Stalking, norm.DamagingProperty},
			norm.Classification{Categories: []norm.Category{norm.Property, norm.Threat}, Worst: norm.Threat, Severity: norm.SeverityHigh}},
		{"every category", norm.BehaviourCodes(),
			norm.Classification{Categories: norm.Categories(), Worst: norm.Physical, Severity: norm.SeverityHigh}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := norm.Classify(tt.codes)
			assert.Equal(t, tt.want, got)
			for _, c := range tt.want.Categories {
				assert.True(t, got.Has(c))
			}
		})
	}
}

func TestSeverityOrder(t *testing.T) {
	// The severity of a category never decreases along the category order.
	prev := 0
	for _, c := range norm.Categories() {
		r := norm.SeverityOf(c).Rank()
		assert.GreaterOrEqual(t, r, prev, "%s", c)
		prev = r
	}
	assert.Equal(t, norm.Severity(""), norm.SeverityOf("bogus"))
	assert.Equal(t, 0, norm.Severity("bogus").Rank())
}

func BenchmarkClassify(b *testing.B) {
	cases := map[string][]norm.BehaviourCode{
		"one":   {norm.Swearing},
		"mixed": {norm.Swearing, norm.Threatening, norm.Hitting, norm.SexualRemarks},
		"all":   norm.BehaviourCodes(),
	}
	for _, name := range []string{"one", "mixed", "all"} {
		codes := cases[name]
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				norm.Classify(codes)
			}
		})
	}
}
