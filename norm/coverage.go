package norm

// CategoryMask is a set of categories, one bit per Category.Rank. It lets
// a caller ask which categories a list of behaviours touches without
// allocating.
type CategoryMask uint8

// CategoriesOf gives the categories that the known codes among codes
// belong to. Unknown codes are ignored.
func CategoriesOf[S ~string](codes []S) CategoryMask {
	var m CategoryMask
	for _, c := range codes {
		if i, ok := behaviourIndex[BehaviourCode(c)]; ok {
			m |= 1 << behaviourRank[i]
		}
	}
	return m
}

// Has reports whether c is in the set.
func (m CategoryMask) Has(c Category) bool {
	r := c.Rank()
	return r > 0 && m&(1<<r) != 0
}

// Missing gives the categories of want that m lacks, from least to most
// severe (nil when m has them all).
func (m CategoryMask) Missing(want CategoryMask) []Category {
	return m.AppendMissing(nil, want)
}

// AppendMissing appends to dst the categories of want that m lacks, from
// least to most severe, so that a caller can use its own storage.
func (m CategoryMask) AppendMissing(dst []Category, want CategoryMask) []Category {
	for i, c := range categories {
		if bit := CategoryMask(1) << (i + 1); want&bit != 0 && m&bit == 0 {
			dst = append(dst, c)
		}
	}
	return dst
}

// BaselineCategories gives the categories that the VPT baseline's
// behaviours belong to, from least to most severe. A norm that names at
// least one behaviour of each of them covers the categories of the seeds
// (001, 4.2.1), which is what GG11-1 rates as partially met.
func BaselineCategories() []Category {
	return CategoryMask(0).Missing(CategoriesOf(baseline))
}

// CoversBaselineCategories reports whether codes name at least one
// behaviour of every category of the VPT baseline.
func CoversBaselineCategories(codes []BehaviourCode) bool {
	want := CategoriesOf(baseline)
	return CategoriesOf(codes)&want == want
}
