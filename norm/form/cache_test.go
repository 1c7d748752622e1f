package form

import (
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/norm"
)

type cacheKey struct {
	lang    norm.Lang
	dialect Dialect
}

func TestCacheConcurrent(t *testing.T) {
	var c Cache[cacheKey]
	var builds [4]atomic.Int32
	keys := []cacheKey{{norm.NL, Draft2020}, {norm.EN, Draft2020}, {norm.NL, Draft07}, {norm.EN, Draft07}}
	build := func(i int) func() ([]byte, error) {
		return func() ([]byte, error) {
			builds[i].Add(1)
			return []byte(fmt.Sprintf(`{"key": %d}`, i)), nil
		}
	}
	start := make(chan struct{})
	var wg sync.WaitGroup
	for g := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			for n := range 200 {
				i := (g + n) % len(keys)
				b, err := c.Get(keys[i], build(i))
				assert.NoError(t, err)
				assert.Equal(t, fmt.Sprintf(`{"key": %d}`, i), string(b))
			}
		}()
	}
	close(start)
	wg.Wait()
	for i := range builds {
		assert.Equal(t, int32(1), builds[i].Load(), "build runs once per key")
	}
}

func TestCacheErrorsAndPanics(t *testing.T) {
	var c Cache[string]
	boom := errors.New("boom")
	calls := 0
	for range 3 {
		_, err := c.Get("e", func() ([]byte, error) { calls++; return nil, boom })
		assert.ErrorIs(t, err, boom)
	}
	assert.Equal(t, 1, calls, "a failed build is not retried")

	_, err := c.Get("p", func() ([]byte, error) { panic("bug") })
	require.Error(t, err)
	assert.Contains(t, err.Error(), "bug")
	_, err = c.Get("p", func() ([]byte, error) { return []byte("x"), nil })
	assert.Error(t, err, "the panic is remembered like an error")

	c.Reset()
	b, err := c.Get("p", func() ([]byte, error) { return []byte("x"), nil })
	require.NoError(t, err)
	assert.Equal(t, "x", string(b))
}

// A hit costs one copy of the bytes and does not build again.
func TestCacheHitOnlyCopies(t *testing.T) {
	var c Cache[cacheKey]
	k := cacheKey{norm.NL, Draft07}
	build := func() ([]byte, error) { return []byte("{}"), nil }
	_, err := c.Get(k, build)
	require.NoError(t, err)
	allocs := testing.AllocsPerRun(100, func() {
		if _, err := c.Get(k, build); err != nil {
			t.Fatal(err)
		}
	})
	assert.Equal(t, 1.0, allocs)
}

func TestSchemaCache(t *testing.T) {
	var c SchemaCache
	builds := 0
	build := func(lang norm.Lang, d Dialect) ([]byte, error) {
		builds++
		return []byte(string(lang) + "/" + string(d)), nil
	}
	b, err := c.Get(norm.EN, Draft07, build)
	require.NoError(t, err)
	assert.Equal(t, "en/07", string(b))
	b, err = c.Get(norm.EN, Draft07, build)
	require.NoError(t, err)
	assert.Equal(t, "en/07", string(b))
	assert.Equal(t, 1, builds, "built twice")

	_, err = c.Get("fr", Draft2020, build)
	assert.ErrorIs(t, err, norm.ErrUnknownCode)
	_, err = c.Get(norm.NL, "draft-04", build)
	assert.ErrorIs(t, err, norm.ErrUnknownCode)
	assert.Equal(t, 1, builds, "built for a refused key")
}

// Changing the bytes one caller got changes nothing for the next.
func TestCacheHandsOutCopies(t *testing.T) {
	var c Cache[string]
	build := func() ([]byte, error) { return []byte(`{"a":1}`), nil }
	b, err := c.Get("k", build)
	require.NoError(t, err)
	b[0] = 'x'
	again, err := c.Get("k", build)
	require.NoError(t, err)
	assert.Equal(t, `{"a":1}`, string(again))

	var s SchemaCache
	sb := func(norm.Lang, Dialect) ([]byte, error) { return []byte(`{}`), nil }
	b, err = s.Get(norm.NL, Draft2020, sb)
	require.NoError(t, err)
	b[0] = 'x'
	again, err = s.Get(norm.NL, Draft2020, sb)
	require.NoError(t, err)
	assert.Equal(t, `{}`, string(again))
}
