package escrow

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
)

// The fuzz targets below feed the LEAF, the IV and the ciphertext of a
// captured call, which a student can copy, cut or edit at will, to every
// function that reads them. None may panic; each fails only with the
// sentinel errors its documentation names; and whatever it accepts is
// exactly what a chip could have sent.

// fuzzKeys are the fixed keys of the fuzzed family and its one chip.
var (
	fuzzFamilyKey = FamilyKey{0x0f, 0x1e, 0x2d, 0x3c, 0x4b, 0x5a, 0x69, 0x78, 0x87, 0x96}
	fuzzUnitKey   = UnitKey{0xa5, 0x5a, 0xc3, 0x3c, 0x96, 0x69, 0x0f, 0xf0, 0x12, 0x21}
	fuzzSession   = SessionKey{'s', 'e', 's', 's', 'i', 'o', 'n', '-', 'k', 's'}
	fuzzUnitID    = UnitID(0x0C2B0985)
)

// fuzzBits maps any byte onto a checksum width a family accepts.
func fuzzBits(b uint8) int { return MinChecksumBits + int(b)%(MaxChecksumBits-MinChecksumBits+1) }

// fuzzChip is a family of the given width, its one chip and a decrypt
// processor holding that chip's unit key.
func fuzzChip(t testing.TB, bits int) (*Family, *Device, *DecryptProcessor) {
	t.Helper()
	f, err := NewFamily(fuzzFamilyKey, bits)
	if err != nil {
		t.Fatal(err)
	}
	d, err := programDevice(f, fuzzUnitID, fuzzUnitKey)
	if err != nil {
		t.Fatal(err)
	}
	p := NewDecryptProcessor(f)
	p.AddUnitKey(fuzzUnitID, fuzzUnitKey)
	return f, d, p
}

// fuzzCalls are real transmissions of chips of several widths, with
// messages of several lengths, for seeds.
func fuzzCalls(t testing.TB) map[int][]*Transmission {
	t.Helper()
	r := rand.NewChaCha8([32]byte{'f', 'u', 'z', 'z'})
	out := map[int][]*Transmission{}
	for _, bits := range []int{MinChecksumBits, 12, DefaultChecksumBits, 20, MaxChecksumBits} {
		_, d, _ := fuzzChip(t, bits)
		for _, msg := range []string{"", "a", "exactly8", "meet me at the usual place at noon", strings.Repeat("long enough for the bulk decrypter; ", 10)} {
			tr, err := d.Encrypt(r, fuzzSession, []byte(msg))
			if err != nil {
				t.Fatal(err)
			}
			out[bits] = append(out[bits], tr)
		}
	}
	return out
}

// FuzzOpenLEAF feeds arbitrary bytes as a LEAF of a family of any width
// to Family.OpenLEAF, DecryptProcessor.ReadLEAF and SessionKey, and a
// receiving chip's LEAFChecker. A LEAF of any length but the family's is
// refused with ErrMalformed (and fails the check); one of the right length
// opens to fields that seal back to the same LEAF, and passes the check
// exactly when its checksum is that of the loaded key and IV.
func FuzzOpenLEAF(f *testing.F) {
	for bits, calls := range fuzzCalls(f) {
		for _, tr := range calls {
			f.Add(uint8(bits-MinChecksumBits), []byte(tr.LEAF), binary.BigEndian.Uint64(tr.IV[:]))
		}
		leaf := calls[0].LEAF
		f.Add(uint8(bits-MinChecksumBits), []byte(leaf[:len(leaf)-1]), uint64(0))
		f.Add(uint8(bits-MinChecksumBits), append(bytes.Clone(leaf), 0), uint64(0))
	}
	f.Add(uint8(0), []byte{}, uint64(0))
	f.Add(uint8(255), make([]byte, 24), uint64(1))
	f.Fuzz(func(t *testing.T, b uint8, in []byte, ivBits uint64) {
		bits := fuzzBits(b)
		fam, d, p := fuzzChip(t, bits)
		leaf := LEAF(in)
		var iv IV
		binary.BigEndian.PutUint64(iv[:], ivBits)
		c, err := fam.OpenLEAF(leaf)
		c2, err2 := p.ReadLEAF(leaf)
		if c != c2 || (err == nil) != (err2 == nil) {
			t.Fatalf("ReadLEAF gave %+v, %v; OpenLEAF %+v, %v", c2, err2, c, err)
		}
		ks, kerr := p.SessionKey(fuzzUnitID, leaf)
		check, cerr := d.LEAFChecker(fuzzSession, iv)
		if cerr != nil {
			t.Fatal(cerr)
		}
		want, _ := Checksum(fuzzSession, iv, bits)
		passed := check.Check(leaf)
		if len(leaf) != LEAFSize(bits) {
			if !errors.Is(err, ErrMalformed) || !errors.Is(kerr, ErrMalformed) || c != (LEAFContents{}) || ks != (SessionKey{}) || passed {
				t.Fatalf("a %d-byte LEAF (want %d) opened: %+v, %v; key %v, %v; check %v", len(leaf), LEAFSize(bits), c, err, ks, kerr, passed)
			}
			return
		}
		if err != nil || kerr != nil {
			t.Fatalf("a LEAF of the right size failed: %v, %v", err, kerr)
		}
		if bits < 32 && c.Checksum>>bits != 0 {
			t.Fatalf("a %d-bit checksum of %#x", bits, c.Checksum)
		}
		if passed != (c.Checksum == want) {
			t.Fatalf("the check says %v for checksum %#x, want %#x", passed, c.Checksum, want)
		}
		// What opened seals back to a LEAF that opens the same; bit for bit
		// the same LEAF when the checksum fills its bytes.
		again := fam.sealLEAF(c.UnitID, c.WrappedKey, c.Checksum)
		if c3, err := fam.OpenLEAF(again); err != nil || c3 != c {
			t.Fatalf("resealed LEAF opens to %+v, %v; want %+v", c3, err, c)
		}
		if bits%8 == 0 && !bytes.Equal(again, leaf) {
			t.Fatalf("LEAF %x resealed as %x", leaf, again)
		}
		// The wrapped key unwraps to ks, which wraps back to it.
		var wrapped [wrappedKeySize]byte
		d.wrapper.encrypt(wrapped[:], ks[:], new([8]byte))
		if wrapped != c.WrappedKey {
			t.Fatalf("session key %v does not wrap back to %x", ks, c.WrappedKey)
		}
		// A valid LEAF made now, with a key drawn from the input, round-trips.
		var fresh SessionKey
		copy(fresh[:], in)
		tr, err := d.Encrypt(bytes.NewReader(iv[:]), fresh, in)
		if err != nil {
			t.Fatal(err)
		}
		got, err := fam.OpenLEAF(tr.LEAF)
		sum, _ := Checksum(fresh, tr.IV, bits)
		if err != nil || got.UnitID != fuzzUnitID || got.Checksum != sum {
			t.Fatalf("a fresh LEAF opened to %+v, %v; want unit %s, checksum %#x", got, err, fuzzUnitID, sum)
		}
		if k, err := p.SessionKey(got.UnitID, tr.LEAF); err != nil || k != fresh {
			t.Fatalf("a fresh LEAF gave session key %v, %v; want %v", k, err, fresh)
		}
	})
}

// FuzzDecryptCall feeds an arbitrary LEAF, IV and ciphertext, as a
// captured transmission, to the decrypt processor (Decrypt), to the
// receiving chip (Device.Decrypt) and to DecryptTraffic. Each fails only
// with the errors documented; whatever decrypts re-encrypts under the same
// key and IV to the very ciphertext given.
func FuzzDecryptCall(f *testing.F) {
	for bits, calls := range fuzzCalls(f) {
		for _, tr := range calls {
			f.Add(uint8(bits-MinChecksumBits), []byte(tr.LEAF), binary.BigEndian.Uint64(tr.IV[:]), tr.Ciphertext)
		}
		tr := calls[len(calls)-1]
		f.Add(uint8(bits-MinChecksumBits), []byte(tr.LEAF), binary.BigEndian.Uint64(tr.IV[:]), tr.Ciphertext[:len(tr.Ciphertext)-1])
		f.Add(uint8(bits-MinChecksumBits), []byte(tr.LEAF), binary.BigEndian.Uint64(tr.IV[:]), tr.Ciphertext[:8])
		f.Add(uint8(bits-MinChecksumBits), []byte(tr.LEAF[1:]), binary.BigEndian.Uint64(tr.IV[:]), tr.Ciphertext)
	}
	f.Add(uint8(8), []byte{}, uint64(0), []byte{})
	f.Fuzz(func(t *testing.T, b uint8, leaf []byte, ivBits uint64, ct []byte) {
		bits := fuzzBits(b)
		fam, d, p := fuzzChip(t, bits)
		tr := &Transmission{LEAF: leaf, Ciphertext: ct}
		binary.BigEndian.PutUint64(tr.IV[:], ivBits)
		sized := len(leaf) == fam.LEAFSize()
		blocks := len(ct) > 0 && len(ct)%8 == 0

		// The processor reads the unit ID from the LEAF and uses whatever
		// unit key it holds for that ID.
		pt, err := p.Decrypt(tr)
		switch {
		case !sized:
			if !errors.Is(err, ErrMalformed) {
				t.Fatalf("processor: a %d-byte LEAF gave %q, %v", len(leaf), pt, err)
			}
		case err == nil:
			c, _ := fam.OpenLEAF(leaf)
			ks, kerr := p.SessionKey(c.UnitID, leaf)
			if kerr != nil {
				t.Fatalf("processor decrypted with no session key: %v", kerr)
			}
			mustReencrypt(t, "processor", ks, tr, pt)
		case !errors.Is(err, ErrNoUnitKey) && !errors.Is(err, ErrMalformed) && !errors.Is(err, ErrBadPadding):
			t.Fatalf("processor: undocumented error %v", err)
		case errors.Is(err, ErrMalformed) && blocks:
			t.Fatalf("processor: a LEAF of the right size and whole blocks called malformed: %v", err)
		}

		// The receiving chip checks the LEAF against its session key and
		// the IV before anything else.
		pt, err = d.Decrypt(fuzzSession, tr)
		check, _ := d.LEAFChecker(fuzzSession, tr.IV)
		passed := check.Check(leaf)
		switch {
		case !passed:
			if !errors.Is(err, ErrLEAFRejected) || pt != nil {
				t.Fatalf("chip: a LEAF that fails the check gave %q, %v", pt, err)
			}
		case err == nil:
			mustReencrypt(t, "chip", fuzzSession, tr, pt)
		case !errors.Is(err, ErrMalformed) && !errors.Is(err, ErrBadPadding):
			t.Fatalf("chip: undocumented error %v", err)
		}

		// The traffic alone, under the chip's session key.
		pt, err = DecryptTraffic(fuzzSession, tr.IV, ct)
		switch {
		case !blocks:
			if !errors.Is(err, ErrMalformed) || pt != nil {
				t.Fatalf("traffic: %d bytes of ciphertext gave %q, %v", len(ct), pt, err)
			}
		case err == nil:
			mustReencrypt(t, "traffic", fuzzSession, tr, pt)
		case !errors.Is(err, ErrBadPadding) || pt != nil:
			t.Fatalf("traffic: whole blocks gave %q, %v", pt, err)
		}
	})
}

// mustReencrypt checks that pt is what tr's ciphertext decrypts to under
// ks: encrypting it again gives the same bytes.
func mustReencrypt(t *testing.T, who string, ks SessionKey, tr *Transmission, pt []byte) {
	t.Helper()
	again, err := encryptTraffic(ks, tr.IV, pt)
	if err != nil || !bytes.Equal(again, tr.Ciphertext) {
		t.Fatalf("%s: %d bytes decrypted to %q, which encrypts to %x, not %x (%v)", who, len(tr.Ciphertext), pt, again, tr.Ciphertext, err)
	}
}

// FuzzChecksum feeds any width, key and IV to Checksum and NewFamily:
// widths outside the range are refused with ErrChecksumBits, and a
// checksum never has more bits than asked for.
func FuzzChecksum(f *testing.F) {
	f.Add(int64(DefaultChecksumBits), fuzzSession[:], uint64(0))
	f.Add(int64(0), []byte{}, uint64(1))
	f.Add(int64(33), []byte{1}, uint64(1))
	f.Add(int64(-1<<40), []byte{1}, uint64(1))
	f.Fuzz(func(t *testing.T, bits int64, key []byte, ivBits uint64) {
		var ks SessionKey
		copy(ks[:], key)
		var iv IV
		binary.BigEndian.PutUint64(iv[:], ivBits)
		sum, err := Checksum(ks, iv, int(bits))
		fam, ferr := NewFamily(FamilyKey(ks), int(bits))
		if bits < MinChecksumBits || bits > MaxChecksumBits {
			if !errors.Is(err, ErrChecksumBits) || !errors.Is(ferr, ErrChecksumBits) || sum != 0 || fam != nil {
				t.Fatalf("width %d: checksum %#x, %v; family %v, %v", bits, sum, err, fam, ferr)
			}
			return
		}
		if err != nil || ferr != nil {
			t.Fatalf("width %d refused: %v, %v", bits, err, ferr)
		}
		if bits < 32 && sum>>bits != 0 {
			t.Fatalf("a %d-bit checksum of %#x", bits, sum)
		}
		if fam.LEAFSize() != LEAFSize(int(bits)) || fam.ChecksumBits() != int(bits) {
			t.Fatalf("width %d: a family of %d-byte LEAFs and %d-bit checksums", bits, fam.LEAFSize(), fam.ChecksumBits())
		}
	})
}

// FuzzCheckBatch checks a batch of arbitrary LEAFs, of any sizes and
// more than one group long, with CheckBatch: it must name the first LEAF
// that Check accepts, or none. leaves is cut into LEAFs by sizes (a byte
// of 128 or more is the family's LEAF size, others are taken modulo 24),
// reusing its bytes as often as needed; a valid LEAF is put at place at.
func FuzzCheckBatch(f *testing.F) {
	calls := fuzzCalls(f)
	tr := calls[DefaultChecksumBits][0]
	f.Add(uint8(DefaultChecksumBits-MinChecksumBits), []byte(tr.LEAF), []byte{200, 200, 200}, uint8(2))
	f.Add(uint8(DefaultChecksumBits-MinChecksumBits), []byte(tr.LEAF), bytes.Repeat([]byte{128}, 100), uint8(70))
	f.Add(uint8(0), []byte(calls[MinChecksumBits][1].LEAF), []byte{15, 16, 14, 0, 255}, uint8(255))
	f.Add(uint8(24), []byte{}, []byte{}, uint8(0))
	f.Fuzz(func(t *testing.T, b uint8, data, sizes []byte, at uint8) {
		bits := fuzzBits(b)
		_, d, _ := fuzzChip(t, bits)
		iv := IV{1, 2, 3, 4, 5, 6, 7, 8}
		valid, err := d.Encrypt(bytes.NewReader(iv[:]), fuzzSession, nil)
		if err != nil {
			t.Fatal(err)
		}
		var leaves []LEAF
		off := 0
		for _, s := range sizes {
			n := int(s) % 24
			if s >= 128 {
				n = LEAFSize(bits)
			}
			leaf := make(LEAF, n)
			for i := range leaf {
				if len(data) > 0 {
					leaf[i] = data[off%len(data)]
					off++
				}
			}
			leaves = append(leaves, leaf)
		}
		if int(at) < len(leaves) {
			leaves[at] = valid.LEAF
		}
		check, err := d.LEAFChecker(fuzzSession, iv)
		if err != nil {
			t.Fatal(err)
		}
		want := -1
		for i, leaf := range leaves {
			if check.Check(leaf) {
				want = i
				break
			}
		}
		if got := check.CheckBatch(leaves); got != want {
			t.Fatalf("CheckBatch of %d LEAFs = %d; Check accepts %d first", len(leaves), got, want)
		}
		if int(at) < len(leaves) && (want < 0 || want > int(at)) {
			t.Fatalf("the valid LEAF at %d was not accepted; %d was", at, want)
		}
	})
}
