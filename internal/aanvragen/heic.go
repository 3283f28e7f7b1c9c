package aanvragen

import (
	"encoding/binary"
	"fmt"
)

// ErrBestandHEIC: the file is a HEIC/HEIF photo (an iPhone's own format), which is not taken; it has its
// own message telling the resident how to send a JPEG. It is an ErrBestandSoort too.
var ErrBestandHEIC = fmt.Errorf("%w: een HEIC-foto", ErrBestandSoort)

// heifMerken are the ISO BMFF brands of HEIC and HEIF images (ISO/IEC 23008-12: heic, heix, hevc, hevx,
// heim, heis for HEVC-coded images and sequences; mif1 and msf1 for any HEIF image or sequence).
var heifMerken = map[string]bool{"heic": true, "heix": true, "hevc": true, "hevx": true, "heim": true, "heis": true, "mif1": true, "msf1": true}

// IsHEIC reports whether b starts with the ISO BMFF file-type box ("ftyp") of a HEIC/HEIF image: its
// major brand or one of its compatible brands is a HEIF brand. Only the first box is read, within
// its own size and within b; anything malformed is not HEIC.
func IsHEIC(b []byte) bool {
	if len(b) < 16 || string(b[4:8]) != "ftyp" {
		return false
	}
	size := binary.BigEndian.Uint32(b[:4])
	if size < 16 || size%4 != 0 {
		return false
	}
	end := len(b)
	if uint64(size) < uint64(end) {
		end = int(size)
	}
	if heifMerken[string(b[8:12])] {
		return true
	}
	// b[12:16] is the minor version; the compatible brands follow, four bytes each.
	for i := 16; i+4 <= end; i += 4 {
		if heifMerken[string(b[i:i+4])] {
			return true
		}
	}
	return false
}
