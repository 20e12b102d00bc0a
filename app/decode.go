package app

import (
	"encoding"
	"encoding/json"
	"reflect"
	"strings"
)

// unmarshalInSteps decodes the JSON in data into v, a non-nil pointer, as
// json.Unmarshal does for the site's data, calling pause between pieces so
// that the caller can give the browser its turn.
//
// Why not json.Unmarshal: in wasm it decoded site.json in one task of
// about 200 ms on a slow phone, most of it spent before the first byte:
// the first time encoding/json meets a struct type it builds the type's
// field table and, with it, an encoder for every field, recursively, for
// every type the site's data holds. Here encoding/json only ever decodes
// the leaves (strings, numbers, lists of strings) and json.RawMessage, so
// it never builds a field table, and the walk over structs, slices and
// maps below can stop between any two of them.
//
// It follows encoding/json where the site's types need it: a field's name
// is its json tag's or its own, "-" is skipped, unknown keys are skipped,
// a null leaves a struct as it is and empties a slice or a map, a pointer
// is allocated. A struct with an embedded field, and any type that decodes
// itself, is handed to json.Unmarshal whole. Keys are matched exactly:
// site.json is written by json.Marshal from the same types.
func unmarshalInSteps(data []byte, v any, pause func()) error {
	d := stepDecoder{pause: pause, plans: map[reflect.Type]typePlan{}}
	return d.decode(json.RawMessage(data), reflect.ValueOf(v).Elem())
}

// stepDecoder is one decoding's state: where to pause, and what it has
// learnt about each type, so that it looks at a type once.
type stepDecoder struct {
	pause func()
	plans map[reflect.Type]typePlan
}

// typePlan says how to decode a type's values.
type typePlan struct {
	// whole is set for values json.Unmarshal decodes in one piece.
	whole bool
	// fields maps a struct's JSON names to its field indexes.
	fields map[string]int
}

func (d *stepDecoder) plan(t reflect.Type) typePlan {
	if p, ok := d.plans[t]; ok {
		return p
	}
	var p typePlan
	switch {
	case reflect.PointerTo(t).Implements(jsonUnmarshaler), reflect.PointerTo(t).Implements(textUnmarshaler):
		p.whole = true
	case t.Kind() == reflect.Struct:
		fields, ok := jsonFields(t)
		p.whole, p.fields = !ok, fields
	case t.Kind() == reflect.Slice:
		p.whole = !composite(t.Elem())
	case t.Kind() == reflect.Map:
		p.whole = t.Key().Kind() != reflect.String || !composite(t.Elem())
	case t.Kind() != reflect.Pointer:
		p.whole = true
	}
	d.plans[t] = p
	return p
}

var (
	jsonUnmarshaler = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
)

func (d *stepDecoder) decode(raw json.RawMessage, dst reflect.Value) error {
	d.pause()
	t := dst.Type()
	p := d.plan(t)
	if string(raw) == "null" && !p.whole {
		if t.Kind() != reflect.Struct {
			dst.SetZero() // as encoding/json does for a slice, map or pointer
		}
		return nil
	}
	if p.whole {
		return json.Unmarshal(raw, dst.Addr().Interface())
	}
	switch t.Kind() {
	case reflect.Pointer:
		if dst.IsNil() {
			dst.Set(reflect.New(t.Elem()))
		}
		return d.decode(raw, dst.Elem())
	case reflect.Struct:
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(raw, &obj); err != nil {
			return err
		}
		for name, r := range obj {
			if i, ok := p.fields[name]; ok {
				if err := d.decode(r, dst.Field(i)); err != nil {
					return err
				}
			}
		}
		return nil
	case reflect.Slice:
		var items []json.RawMessage
		if err := json.Unmarshal(raw, &items); err != nil {
			return err
		}
		s := reflect.MakeSlice(t, len(items), len(items))
		for i, r := range items {
			if err := d.decode(r, s.Index(i)); err != nil {
				return err
			}
		}
		dst.Set(s)
		return nil
	default: // a map with string keys
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(raw, &obj); err != nil {
			return err
		}
		if dst.IsNil() {
			dst.Set(reflect.MakeMapWithSize(t, len(obj)))
		}
		for k, r := range obj {
			e := reflect.New(t.Elem()).Elem()
			if err := d.decode(r, e); err != nil {
				return err
			}
			dst.SetMapIndex(reflect.ValueOf(k).Convert(t.Key()), e)
		}
		return nil
	}
}

// composite reports whether values of t are worth walking into: structs,
// directly or behind pointers, slices and maps. Lists of strings and the
// like go to json.Unmarshal in one piece.
func composite(t reflect.Type) bool {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
		t = t.Elem()
	}
	return t.Kind() == reflect.Struct
}

// jsonFields maps the JSON names of t's exported fields to their index.
// It reports false for a struct with an embedded field, whose promoted
// fields only encoding/json knows how to place.
func jsonFields(t reflect.Type) (map[string]int, bool) {
	fields := make(map[string]int, t.NumField())
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Anonymous {
			return nil, false
		}
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		switch name {
		case "-":
			continue
		case "":
			name = f.Name
		}
		fields[name] = i
	}
	return fields, true
}
