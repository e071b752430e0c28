package main

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"sort"
	"time"

	"github.com/alexedwards/scs/v2"
)

// sessionCodec encodes session data in a small tagged binary form. scs's
// default gob codec sends its type descriptions with every session, and
// decoding them was a tenth of a review page's time. Sessions hold only
// ids, flags, short strings and times; another type is refused with an
// error when it is put, not silently lost. Sessions written by the gob codec
// (before this codec existed) are still read.
type sessionCodec struct{}

// sessionMagic starts every session this codec writes.
const sessionMagic = "fdS1"

// The value tags.
const (
	tagString byte = iota + 1
	tagInt64
	tagInt
	tagBool
	tagTime
	tagBytes
	tagFloat
)

// Encode writes the deadline and the values, keys in order so equal sessions
// encode equally.
func (sessionCodec) Encode(deadline time.Time, values map[string]any) ([]byte, error) {
	keys := make([]string, 0, len(values))
	for k := range values {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	b := append(make([]byte, 0, 64), sessionMagic...)
	b, err := appendTime(b, deadline)
	if err != nil {
		return nil, err
	}
	b = binary.AppendUvarint(b, uint64(len(keys)))
	for _, k := range keys {
		b = appendString(b, k)
		switch v := values[k].(type) {
		case string:
			b = appendString(append(b, tagString), v)
		case int64:
			b = binary.AppendVarint(append(b, tagInt64), v)
		case int:
			b = binary.AppendVarint(append(b, tagInt), int64(v))
		case bool:
			b = append(b, tagBool, boolByte(v))
		case time.Time:
			if b, err = appendTime(append(b, tagTime), v); err != nil {
				return nil, err
			}
		case []byte:
			b = appendString(append(b, tagBytes), string(v))
		case float64:
			b = binary.BigEndian.AppendUint64(append(b, tagFloat), math.Float64bits(v))
		default:
			return nil, fmt.Errorf("session: value %q has type %T, which the session codec does not store", k, v)
		}
	}
	return b, nil
}

// Decode reads what Encode wrote, or a session written by scs's gob codec.
func (sessionCodec) Decode(b []byte) (time.Time, map[string]any, error) {
	deadline, values, err := decodeSession(b)
	if err != nil {
		return scs.GobCodec{}.Decode(b)
	}
	return deadline, values, nil
}

var errSessionData = errors.New("session: malformed data")

func decodeSession(b []byte) (time.Time, map[string]any, error) {
	r := sessionReader{b: b}
	if len(b) < len(sessionMagic) || string(b[:len(sessionMagic)]) != sessionMagic {
		return time.Time{}, nil, errSessionData
	}
	r.b = b[len(sessionMagic):]
	deadline := r.time()
	n := r.uvarint()
	if n > uint64(len(r.b)) { // every entry takes at least one byte
		return time.Time{}, nil, errSessionData
	}
	values := make(map[string]any, n)
	for range n {
		k := r.string()
		switch r.byte() {
		case tagString:
			values[k] = r.string()
		case tagInt64:
			values[k] = r.varint()
		case tagInt:
			values[k] = int(r.varint())
		case tagBool:
			values[k] = r.byte() == 1
		case tagTime:
			values[k] = r.time()
		case tagBytes:
			values[k] = []byte(r.string())
		case tagFloat:
			values[k] = math.Float64frombits(r.uint64())
		default:
			r.bad = true
		}
	}
	if r.bad || len(r.b) != 0 {
		return time.Time{}, nil, errSessionData
	}
	return deadline, values, nil
}

// sessionReader reads the encoding; a short or malformed input sets bad.
type sessionReader struct {
	b   []byte
	bad bool
}

func (r *sessionReader) varint() int64 {
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.bad, r.b = true, nil
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *sessionReader) uvarint() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.bad, r.b = true, nil
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *sessionReader) byte() byte {
	if len(r.b) == 0 {
		r.bad = true
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

func (r *sessionReader) uint64() uint64 {
	if len(r.b) < 8 {
		r.bad, r.b = true, nil
		return 0
	}
	v := binary.BigEndian.Uint64(r.b)
	r.b = r.b[8:]
	return v
}

func (r *sessionReader) string() string {
	n := r.uvarint()
	if n > uint64(len(r.b)) {
		r.bad, r.b = true, nil
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

// time reads a time written by appendTime.
func (r *sessionReader) time() time.Time {
	var t time.Time
	if err := t.UnmarshalBinary([]byte(r.string())); err != nil {
		r.bad = true
	}
	return t
}

// appendTime writes t exactly (zone offset included), whatever its year.
func appendTime(b []byte, t time.Time) ([]byte, error) {
	tb, err := t.MarshalBinary()
	if err != nil {
		return nil, fmt.Errorf("session: time %v: %w", t, err)
	}
	return appendString(b, string(tb)), nil
}

func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

func boolByte(v bool) byte {
	if v {
		return 1
	}
	return 0
}
