package form

import (
	"bytes"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/goedgesprek/goedgesprek/norm"
)

// Cache memoises schema bytes per key, for example per language and
// dialect. It is safe for concurrent use and its zero value is ready.
//
// build runs once per key, even when many goroutines ask at the same
// time; they wait for the one build and share its result, error included
// (schemas are built from Go types and are deterministic, so a failed
// build would fail again). A hit is one atomic load, one map lookup and a
// copy of the bytes: the key table is copied on write, which is cheap
// because a schema cache holds a handful of keys.
//
// Every caller gets its own copy of the bytes, so that a caller who
// changes them changes nothing for the next one (nor for a validator
// built from them).
type Cache[K comparable] struct {
	mu sync.Mutex // serialises writers of m
	m  atomic.Pointer[map[K]*cacheEntry]
}

type cacheEntry struct {
	done atomic.Bool
	once sync.Once
	b    []byte
	err  error
}

// Get returns a copy of the bytes for k, building them with build on
// first use.
func (c *Cache[K]) Get(k K, build func() ([]byte, error)) ([]byte, error) {
	if m := c.m.Load(); m != nil {
		if e, ok := (*m)[k]; ok && e.done.Load() {
			return bytes.Clone(e.b), e.err
		}
	}
	b, err := c.slow(k, build)
	return bytes.Clone(b), err
}

func (c *Cache[K]) slow(k K, build func() ([]byte, error)) ([]byte, error) {
	c.mu.Lock()
	var e *cacheEntry
	old := c.m.Load()
	if old != nil {
		e = (*old)[k]
	}
	if e == nil {
		e = &cacheEntry{}
		n := make(map[K]*cacheEntry, 1+lenOf(old))
		if old != nil {
			for kk, v := range *old {
				n[kk] = v
			}
		}
		n[k] = e
		c.m.Store(&n)
	}
	c.mu.Unlock()
	e.once.Do(func() {
		defer e.done.Store(true)
		defer func() {
			if p := recover(); p != nil {
				e.b, e.err = nil, fmt.Errorf("form.Cache: building the schema failed: %v", p)
			}
		}()
		e.b, e.err = build()
	})
	return e.b, e.err
}

func lenOf[K comparable](m *map[K]*cacheEntry) int {
	if m == nil {
		return 0
	}
	return len(*m)
}

// Reset forgets every key, so that the next Get builds again (for tests
// and for programs that reload their catalogue).
func (c *Cache[K]) Reset() {
	c.mu.Lock()
	c.m.Store(nil)
	c.mu.Unlock()
}

// SchemaCache is the cache behind a package's Schema function: one schema
// per language and dialect, each built once. Its zero value is ready.
type SchemaCache struct {
	c Cache[langDialect]
}

type langDialect struct {
	lang norm.Lang
	d    Dialect
}

// Get refuses an unknown language or dialect with a *norm.CodeError, and
// otherwise returns the schema for them, building it with build on first
// use. Each call returns its own copy.
func (s *SchemaCache) Get(lang norm.Lang, d Dialect, build func(norm.Lang, Dialect) ([]byte, error)) ([]byte, error) {
	if _, err := norm.ParseCode("lang", string(lang), norm.Langs()); err != nil {
		return nil, err
	}
	if _, err := norm.ParseCode("dialect", string(d), Dialects()); err != nil {
		return nil, err
	}
	return s.c.Get(langDialect{lang, d}, func() ([]byte, error) { return build(lang, d) })
}
