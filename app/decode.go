package app

import (
	"encoding"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"unicode/utf8"
)

// unmarshalInSteps decodes the JSON in data into v, a non-nil pointer, as
// json.Unmarshal does, calling pause before every value so that the caller
// can give the browser its turn.
//
// Why not json.Unmarshal: in wasm it decoded site.json in one task of
// about 200 ms on a slow phone, most of it spent before the first byte:
// the first time encoding/json meets a struct type it builds the type's
// field table and, with it, an encoder for every field, recursively, for
// every type the site's data holds. This walk reads the file once, places
// objects, arrays and plain strings itself, and hands encoding/json only
// what it does not place (numbers, true and false, strings with escapes,
// a type that decodes itself, a struct with an embedded field), one value
// at a time: so encoding/json never builds a field table, and the walk can
// stop between any two values. FuzzUnmarshalInSteps holds it to what
// json.Unmarshal gives.
func unmarshalInSteps(data []byte, v any, pause func()) error {
	d := stepDecoder{data: data, pause: pause, plans: map[reflect.Type]*typePlan{}}
	if err := d.value(reflect.ValueOf(v).Elem()); err != nil {
		return err
	}
	d.space()
	if d.pos != len(d.data) {
		return d.syntax("after the top-level value")
	}
	return nil
}

// stepDecoder is one decoding's state: the input and how far it has been
// read, where to pause, and what it has learnt about each type.
type stepDecoder struct {
	data  []byte
	pos   int
	pause func()
	plans map[reflect.Type]*typePlan
}

// typePlan says how to decode a type's values.
type typePlan struct {
	// whole is set for values encoding/json decodes in one piece.
	whole bool
	// names and index are a struct's JSON field names, in field order,
	// and the index of each field.
	names []string
	index []int
}

// field finds the field a key names: its exact name, or else the first
// whose name matches it ignoring case, as encoding/json does.
func (p *typePlan) field(key string) (int, bool) {
	for i, name := range p.names {
		if name == key {
			return p.index[i], true
		}
	}
	for i, name := range p.names {
		if strings.EqualFold(name, key) {
			return p.index[i], true
		}
	}
	return 0, false
}

var (
	jsonUnmarshaler = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
)

func (d *stepDecoder) plan(t reflect.Type) *typePlan {
	if p, ok := d.plans[t]; ok {
		return p
	}
	p := &typePlan{}
	switch {
	case reflect.PointerTo(t).Implements(jsonUnmarshaler), reflect.PointerTo(t).Implements(textUnmarshaler):
		p.whole = true
	case t.Kind() == reflect.Struct:
		p.whole = !p.readFields(t)
	case t.Kind() == reflect.Map:
		p.whole = t.Key().Kind() != reflect.String
	case t.Kind() == reflect.Slice, t.Kind() == reflect.Pointer, t.Kind() == reflect.String:
	default:
		p.whole = true
	}
	d.plans[t] = p
	return p
}

// readFields fills in the JSON names of t's exported fields. It reports
// false for a struct whose fields only encoding/json knows how to fill: one
// with an embedded field (promoted fields) or a ",string" option.
func (p *typePlan) readFields(t reflect.Type) bool {
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Anonymous {
			return false
		}
		if !f.IsExported() {
			continue
		}
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		for _, o := range strings.Split(opts, ",") {
			if o == "string" {
				return false
			}
		}
		if name == "" {
			name = f.Name
		}
		p.names = append(p.names, name)
		p.index = append(p.index, i)
	}
	return true
}

// value reads the next value into dst.
func (d *stepDecoder) value(dst reflect.Value) error {
	d.pause()
	d.space()
	if d.pos >= len(d.data) {
		return d.syntax("where a value belongs")
	}
	t := dst.Type()
	p := d.plan(t)
	if p.whole {
		return d.whole(dst)
	}
	c := d.data[d.pos]
	if c == 'n' {
		if err := d.literal("null"); err != nil {
			return err
		}
		if t.Kind() != reflect.Struct && t.Kind() != reflect.String {
			dst.SetZero() // as encoding/json does for a slice, map or pointer
		}
		return nil
	}
	switch t.Kind() {
	case reflect.String:
		if s, ok := d.plainString(); ok {
			dst.SetString(s)
			return nil
		}
	case reflect.Pointer:
		if dst.IsNil() {
			dst.Set(reflect.New(t.Elem()))
		}
		return d.value(dst.Elem())
	case reflect.Struct:
		if c == '{' {
			return d.object(func(key string) error {
				if i, ok := p.field(key); ok {
					return d.value(dst.Field(i))
				}
				return d.skip()
			})
		}
	case reflect.Slice:
		if c == '[' {
			// Into the slice's own elements, as encoding/json does.
			n := 0
			err := d.array(func() error {
				if n >= dst.Cap() {
					dst.Grow(1)
				}
				if n >= dst.Len() {
					dst.SetLen(n + 1)
				}
				n++
				return d.value(dst.Index(n - 1))
			})
			if err != nil {
				return err
			}
			if n == 0 {
				dst.Set(reflect.MakeSlice(t, 0, 0))
			} else {
				dst.SetLen(n)
			}
			return nil
		}
	case reflect.Map:
		if c == '{' {
			if dst.IsNil() {
				dst.Set(reflect.MakeMap(t))
			}
			return d.object(func(key string) error {
				e := reflect.New(t.Elem()).Elem()
				if err := d.value(e); err != nil {
					return err
				}
				dst.SetMapIndex(reflect.ValueOf(key).Convert(t.Key()), e)
				return nil
			})
		}
	}
	// Anything else, including a value of the wrong kind, whose error
	// encoding/json words.
	return d.whole(dst)
}

// whole hands the next value to encoding/json.
func (d *stepDecoder) whole(dst reflect.Value) error {
	start := d.pos
	if err := d.skip(); err != nil {
		return err
	}
	return json.Unmarshal(d.data[start:d.pos], dst.Addr().Interface())
}

// object reads an object, calling member with each key once the reader
// is at the key's value.
func (d *stepDecoder) object(member func(key string) error) error {
	d.pos++ // {
	d.space()
	if d.peek() == '}' {
		d.pos++
		return nil
	}
	for {
		d.space()
		if d.peek() != '"' {
			return d.syntax("where a key belongs")
		}
		key, err := d.key()
		if err != nil {
			return err
		}
		d.space()
		if d.peek() != ':' {
			return d.syntax("after a key")
		}
		d.pos++
		if err := member(key); err != nil {
			return err
		}
		d.space()
		switch d.peek() {
		case ',':
			d.pos++
		case '}':
			d.pos++
			return nil
		default:
			return d.syntax("after an object's member")
		}
	}
}

// array reads an array, calling item with the reader at each element.
func (d *stepDecoder) array(item func() error) error {
	d.pos++ // [
	d.space()
	if d.peek() == ']' {
		d.pos++
		return nil
	}
	for {
		if err := item(); err != nil {
			return err
		}
		d.space()
		switch d.peek() {
		case ',':
			d.pos++
		case ']':
			d.pos++
			return nil
		default:
			return d.syntax("after an array's element")
		}
	}
}

// key reads an object's key.
func (d *stepDecoder) key() (string, error) {
	if s, ok := d.plainString(); ok {
		return s, nil
	}
	start := d.pos
	if err := d.skipString(); err != nil {
		return "", err
	}
	var s string
	err := json.Unmarshal(d.data[start:d.pos], &s)
	return s, err
}

// plainString reads a string with no escapes, no control characters and
// valid UTF-8, which encoding/json would give back as it is written. For
// any other it reads nothing and reports false.
func (d *stepDecoder) plainString() (string, bool) {
	if d.peek() != '"' {
		return "", false
	}
	for i := d.pos + 1; i < len(d.data); i++ {
		switch c := d.data[i]; {
		case c == '"':
			s := d.data[d.pos+1 : i]
			if !utf8.Valid(s) {
				return "", false
			}
			d.pos = i + 1
			return string(s), true
		case c == '\\' || c < 0x20:
			return "", false
		}
	}
	return "", false
}

// skip reads past the next value, checking that it is well-formed JSON.
func (d *stepDecoder) skip() error {
	d.space()
	switch c := d.peek(); {
	case c == '{':
		return d.object(func(string) error { return d.skip() })
	case c == '[':
		return d.array(d.skip)
	case c == '"':
		return d.skipString()
	case c == 't':
		return d.literal("true")
	case c == 'f':
		return d.literal("false")
	case c == 'n':
		return d.literal("null")
	case c == '-' || (c >= '0' && c <= '9'):
		return d.skipNumber()
	default:
		return d.syntax("where a value belongs")
	}
}

func (d *stepDecoder) skipString() error {
	for i := d.pos + 1; i < len(d.data); i++ {
		switch c := d.data[i]; {
		case c == '"':
			d.pos = i + 1
			return nil
		case c < 0x20:
			d.pos = i
			return d.syntax("in a string")
		case c == '\\':
			i++
			if i >= len(d.data) {
				break
			}
			switch d.data[i] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				for range 4 {
					i++
					if i >= len(d.data) || !isHex(d.data[i]) {
						d.pos = i
						return d.syntax("in a \\u escape")
					}
				}
			default:
				d.pos = i
				return d.syntax("in an escape")
			}
		}
	}
	d.pos = len(d.data)
	return d.syntax("in a string")
}

// skipNumber reads a number as JSON writes it:
// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func (d *stepDecoder) skipNumber() error {
	digits := func() int {
		n := 0
		for d.pos < len(d.data) && d.data[d.pos] >= '0' && d.data[d.pos] <= '9' {
			d.pos++
			n++
		}
		return n
	}
	if d.peek() == '-' {
		d.pos++
	}
	switch c := d.peek(); {
	case c == '0':
		d.pos++
	case c >= '1' && c <= '9':
		digits()
	default:
		return d.syntax("in a number")
	}
	if d.peek() == '.' {
		d.pos++
		if digits() == 0 {
			return d.syntax("in a number")
		}
	}
	if c := d.peek(); c == 'e' || c == 'E' {
		d.pos++
		if c := d.peek(); c == '+' || c == '-' {
			d.pos++
		}
		if digits() == 0 {
			return d.syntax("in a number")
		}
	}
	return nil
}

func (d *stepDecoder) literal(word string) error {
	if !strings.HasPrefix(string(d.data[d.pos:min(len(d.data), d.pos+len(word))]), word) {
		return d.syntax("in a literal")
	}
	d.pos += len(word)
	return nil
}

// space skips JSON's white space.
func (d *stepDecoder) space() {
	for d.pos < len(d.data) {
		switch d.data[d.pos] {
		case ' ', '\t', '\n', '\r':
			d.pos++
		default:
			return
		}
	}
}

// peek is the byte at the reader, 0 at the end.
func (d *stepDecoder) peek() byte {
	if d.pos < len(d.data) {
		return d.data[d.pos]
	}
	return 0
}

func (d *stepDecoder) syntax(where string) error {
	return fmt.Errorf("invalid JSON at byte %d, %s", d.pos, where)
}
