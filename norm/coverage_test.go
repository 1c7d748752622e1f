package norm_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/goedgesprek/goedgesprek/norm"
)

func TestBaselineCategories(t *testing.T) {
	// Every category some baseline behaviour belongs to, in severity order.
	var want []norm.Category
	for _, c := range norm.Categories() {
		for _, b := range norm.Baseline() {
			if b.Category() == c {
				want = append(want, c)
				break
			}
		}
	}
	assert.Equal(t, want, norm.BaselineCategories())

	assert.True(t, norm.CoversBaselineCategories(norm.Baseline()))
	assert.False(t, norm.CoversBaselineCategories(nil))
	assert.False(t, norm.CoversBaselineCategories([]norm.BehaviourCode{norm.Swearing, norm.Shouting, norm.Threatening, norm.Blackmail}))

	m := norm.CategoriesOf([]string{"swearing", "no_such_code", "unwanted_touching"})
	assert.True(t, m.Has(norm.Verbal))
	assert.True(t, m.Has(norm.Sexual))
	assert.False(t, m.Has(norm.Physical))
	assert.False(t, m.Has("no_such_category"))
	assert.Equal(t, []norm.Category{norm.Physical}, m.Missing(norm.CategoriesOf([]norm.BehaviourCode{norm.Swearing, norm.Hitting})))
	assert.Nil(t, m.Missing(m))
	var store [8]norm.Category
	assert.Equal(t, []norm.Category{norm.Physical}, m.AppendMissing(store[:0], norm.CategoriesOf([]string{"hitting"})))
}
