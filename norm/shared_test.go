package norm_test

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/norm"
)

// scribbleValue overwrites every string, number and bool reachable from v
// through slices, arrays, maps, pointers and exported struct fields.
func scribbleValue(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			scribbleValue(v.Elem())
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			scribbleValue(v.Index(i))
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			e := reflect.New(v.Type().Elem()).Elem()
			e.Set(v.MapIndex(k))
			scribbleValue(e)
			v.SetMapIndex(k, e)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				scribbleValue(v.Field(i))
			}
		}
	case reflect.String:
		if v.CanSet() {
			v.SetString("x")
		}
	case reflect.Int, reflect.Int64, reflect.Int32:
		if v.CanSet() {
			v.SetInt(-1)
		}
	case reflect.Bool:
		if v.CanSet() {
			v.SetBool(!v.Bool())
		}
	}
}

// Every catalogue accessor hands out a value the caller may change freely:
// the next call, and Classify, are unchanged.
func TestCatalogueAccessorsHandOutCopies(t *testing.T) {
	accessors := map[string]func() any{
		"Behaviours":     func() any { return norm.Behaviours() },
		"BehaviourCodes": func() any { return norm.BehaviourCodes() },
		"Baseline":       func() any { return norm.Baseline() },
		"Categories":     func() any { return norm.Categories() },
		"CategoryInfos":  func() any { return norm.CategoryInfos() },
		"Channels":       func() any { return norm.Channels() },
		"ClientMedia":    func() any { return norm.ClientMedia() },
		"EmployeeMedia":  func() any { return norm.EmployeeMedia() },
		"Langs":          func() any { return norm.Langs() },
		"Phases":         func() any { return norm.Phases() },
		"TrafficLight":   func() any { return norm.TrafficLight() },
		"Principles":     func() any { return norm.Principles() },
		"PrincipleIDs":   func() any { return norm.PrincipleIDs() },
		"Programmes":     func() any { return norm.Programmes() },
		"ServiceTopics":  func() any { return norm.ServiceTopics() },
		"Severities":     func() any { return norm.Severities() },
		"LookupBehaviour": func() any {
			b, _ := norm.LookupBehaviour(norm.Hitting)
			return &b
		},
		"LookupPrinciple": func() any {
			p, _ := norm.LookupPrinciple(norm.VPT5)
			return &p
		},
		"Phase.Info": func() any {
			p := norm.Red.Info()
			return &p
		},
	}
	classified := norm.Classify([]norm.BehaviourCode{norm.Hitting, norm.Swearing})
	for name, get := range accessors {
		t.Run(name, func(t *testing.T) {
			want, err := json.Marshal(get())
			require.NoError(t, err)
			scribbleValue(reflect.ValueOf(get()))
			got, err := json.Marshal(get())
			require.NoError(t, err)
			assert.JSONEq(t, string(want), string(got))
			assert.Equal(t, classified, norm.Classify([]norm.BehaviourCode{norm.Hitting, norm.Swearing}))
		})
	}
}
