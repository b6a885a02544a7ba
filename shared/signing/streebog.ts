/**
 * Streebog, GOST R 34.11-2012 (RFC 6986), 512- and 256-bit: the digest of GOST R 34.10-2015
 * signatures. Written here because @li0ard/streebog, the package at hand, is byte-wise and about
 * 25 times slower (1.6 s for 200 KB, which a signed PDF easily is) and its ESM does not load in
 * plain Node. Tested on the standard's own examples and against that package on every length
 * around the block edges (test/unit/signing/streebog.test.ts), and proven on the НУЦ's real
 * GOST 2015 signatures (test/unit/signing/gost.test.ts).
 *
 * Byte order: the standard writes vectors as numbers, most significant byte first; in memory the
 * message and the digest are little-endian (byte 0 is the least significant), as every
 * implementation and the НУЦ's software hold them. The 512-bit state is 8 words of 64 bits, each
 * kept as two 32-bit halves (lo, hi), so no BigInt is on the hot path.
 *
 * The constants (π, A, C) are those of the standard.
 */

const PI = [
  252, 238, 221, 17, 207, 110, 49, 22, 251, 196, 250, 218, 35, 197, 4, 77, 233, 119, 240, 219, 147, 46, 153,
  186, 23, 54, 241, 187, 20, 205, 95, 193, 249, 24, 101, 90, 226, 92, 239, 33, 129, 28, 60, 66, 139, 1, 142,
  79, 5, 132, 2, 174, 227, 106, 143, 160, 6, 11, 237, 152, 127, 212, 211, 31, 235, 52, 44, 81, 234, 200, 72,
  171, 242, 42, 104, 162, 253, 58, 206, 204, 181, 112, 14, 86, 8, 12, 118, 18, 191, 114, 19, 71, 156, 183, 93,
  135, 21, 161, 150, 41, 16, 123, 154, 199, 243, 145, 120, 111, 157, 158, 178, 177, 50, 117, 25, 61, 255, 53,
  138, 126, 109, 84, 198, 128, 195, 189, 13, 87, 223, 245, 36, 169, 62, 168, 67, 201, 215, 121, 214, 246, 124,
  34, 185, 3, 224, 15, 236, 222, 122, 148, 176, 188, 220, 232, 40, 80, 78, 51, 10, 74, 167, 151, 96, 115, 30,
  0, 98, 68, 26, 184, 56, 130, 100, 159, 38, 65, 173, 69, 70, 146, 39, 94, 85, 47, 140, 163, 165, 125, 105,
  213, 149, 59, 7, 88, 179, 64, 134, 172, 29, 247, 48, 55, 107, 228, 136, 217, 231, 137, 225, 27, 131, 73, 76,
  63, 248, 254, 141, 83, 170, 144, 202, 216, 133, 97, 32, 113, 103, 164, 45, 43, 9, 91, 203, 155, 37, 208,
  190, 229, 108, 82, 89, 166, 116, 210, 230, 244, 180, 192, 209, 102, 175, 194, 57, 75, 99, 182,
] as const;

/** The 64 rows of the linear transformation's matrix A, A_0 first (l(b) = ⊕ b_{63-i}·A_i). */
const A = [
  '8e20faa72ba0b470',
  '47107ddd9b505a38',
  'ad08b0e0c3282d1c',
  'd8045870ef14980e',
  '6c022c38f90a4c07',
  '3601161cf205268d',
  '1b8e0b0e798c13c8',
  '83478b07b2468764',
  'a011d380818e8f40',
  '5086e740ce47c920',
  '2843fd2067adea10',
  '14aff010bdd87508',
  '0ad97808d06cb404',
  '05e23c0468365a02',
  '8c711e02341b2d01',
  '46b60f011a83988e',
  '90dab52a387ae76f',
  '486dd4151c3dfdb9',
  '24b86a840e90f0d2',
  '125c354207487869',
  '092e94218d243cba',
  '8a174a9ec8121e5d',
  '4585254f64090fa0',
  'accc9ca9328a8950',
  '9d4df05d5f661451',
  'c0a878a0a1330aa6',
  '60543c50de970553',
  '302a1e286fc58ca7',
  '18150f14b9ec46dd',
  '0c84890ad27623e0',
  '0642ca05693b9f70',
  '0321658cba93c138',
  '86275df09ce8aaa8',
  '439da0784e745554',
  'afc0503c273aa42a',
  'd960281e9d1d5215',
  'e230140fc0802984',
  '71180a8960409a42',
  'b60c05ca30204d21',
  '5b068c651810a89e',
  '456c34887a3805b9',
  'ac361a443d1c8cd2',
  '561b0d22900e4669',
  '2b838811480723ba',
  '9bcf4486248d9f5d',
  'c3e9224312c8c1a0',
  'effa11af0964ee50',
  'f97d86d98a327728',
  'e4fa2054a80b329c',
  '727d102a548b194e',
  '39b008152acb8227',
  '9258048415eb419d',
  '492c024284fbaec0',
  'aa16012142f35760',
  '550b8e9e21f7a530',
  'a48b474f9ef5dc18',
  '70a6a56e2440598e',
  '3853dc371220a247',
  '1ca76e95091051ad',
  '0edd37c48a08a6d8',
  '07e095624504536c',
  '8d70c431ac02a736',
  'c83862965601dd1b',
  '641c314b2b8ee083',
] as const;

/** The twelve round constants C_1…C_12, written as the standard writes them (most significant first). */
const C = [
  'b1085bda1ecadae9ebcb2f81c0657c1f2f6a76432e45d016714eb88d7585c4fc4b7ce09192676901a2422a08a460d31505767436cc744d23dd806559f2a64507',
  '6fa3b58aa99d2f1a4fe39d460f70b5d7f3feea720a232b9861d55e0f16b501319ab5176b12d699585cb561c2db0aa7ca55dda21bd7cbcd56e679047021b19bb7',
  'f574dcac2bce2fc70a39fc286a3d843506f15e5f529c1f8bf2ea7514b1297b7bd3e20fe490359eb1c1c93a376062db09c2b6f443867adb31991e96f50aba0ab2',
  'ef1fdfb3e81566d2f948e1a05d71e4dd488e857e335c3c7d9d721cad685e353fa9d72c82ed03d675d8b71333935203be3453eaa193e837f1220cbebc84e3d12e',
  '4bea6bacad4747999a3f410c6ca923637f151c1f1686104a359e35d7800fffbdbfcd1747253af5a3dfff00b723271a167a56a27ea9ea63f5601758fd7c6cfe57',
  'ae4faeae1d3ad3d96fa4c33b7a3039c02d66c4f95142a46c187f9ab49af08ec6cffaa6b71c9ab7b40af21f66c2bec6b6bf71c57236904f35fa68407a46647d6e',
  'f4c70e16eeaac5ec51ac86febf240954399ec6c7e6bf87c9d3473e33197a93c90992abc52d822c3706476983284a05043517454ca23c4af38886564d3a14d493',
  '9b1f5b424d93c9a703e7aa020c6e41414eb7f8719c36de1e89b4443b4ddbc49af4892bcb929b069069d18d2bd1a5c42f36acc2355951a8d9a47f0dd4bf02e71e',
  '378f5a541631229b944c9ad8ec165fde3a7d3a1b258942243cd955b7e00d0984800a440bdbb2ceb17b2b8a9aa6079c540e38dc92cb1f2a607261445183235adb',
  'abbedea680056f52382ae548b2e4f3f38941e71cff8a78db1fffe18a1b3361039fe76702af69334b7a1e6c303b7652f43698fad1153bb6c374b4c7fb98459ced',
  '7bcd9ed0efc889fb3002c6cd635afe94d8fa6bbbebab076120018021148466798a1d71efea48b9caefbacd1d7d476e98dea2594ac06fd85d6bcaa4cd81f32d1b',
  '378ee767f11631bad21380b00449b17acda43c32bcdf1d77f82012d430219f9b5d80ef9d1891cc86e71da4aa88e12852faf417d5d9b21b9948bc924af11bd720',
] as const;

/** Words (lo, hi pairs) of a vector written most significant first. */
function wordsOfBigEndianHex(hex: string): Uint32Array {
  const out = new Uint32Array(16);
  for (let w = 0; w < 8; w++) {
    // Word w holds bytes 8w…8w+7 of the little-endian vector, i.e. hex digits from the right.
    const end = hex.length - w * 16;
    out[2 * w + 1] = parseInt(hex.slice(end - 16, end - 8), 16);
    out[2 * w] = parseInt(hex.slice(end - 8, end), 16);
  }
  return out;
}

const ROUND_C = C.map(wordsOfBigEndianHex);

/**
 * LPS as eight tables: T[j][b] = L of the word whose byte j is π(b) and the other bytes zero.
 * P moves byte i of word j to byte j of word i, so LPS(x) word i = ⊕_j T[j][byte i of word j].
 */
const T = (() => {
  const a = A.map((h) => [parseInt(h.slice(8), 16), parseInt(h.slice(0, 8), 16)] as const);
  const t = new Uint32Array(8 * 256 * 2);
  for (let j = 0; j < 8; j++) {
    for (let b = 0; b < 256; b++) {
      const s = PI[b]!;
      let lo = 0;
      let hi = 0;
      for (let bit = 0; bit < 8; bit++) {
        if ((s >> bit) & 1) {
          const row = a[63 - (8 * j + bit)]!;
          lo ^= row[0];
          hi ^= row[1];
        }
      }
      t[(j * 256 + b) * 2] = lo >>> 0;
      t[(j * 256 + b) * 2 + 1] = hi >>> 0;
    }
  }
  return t;
})();

function lps(x: Uint32Array, out: Uint32Array): void {
  for (let i = 0; i < 8; i++) {
    const half = i >> 2;
    const shift = (i & 3) * 8;
    let lo = 0;
    let hi = 0;
    for (let j = 0; j < 8; j++) {
      const idx = (j * 256 + ((x[2 * j + half]! >>> shift) & 0xff)) * 2;
      lo ^= T[idx]!;
      hi ^= T[idx + 1]!;
    }
    out[2 * i] = lo;
    out[2 * i + 1] = hi;
  }
}

function xorInto(out: Uint32Array, a: Uint32Array, b: Uint32Array): void {
  for (let i = 0; i < 16; i++) out[i] = a[i]! ^ b[i]!;
}

/** (a + b) mod 2^512 into a, little-endian words. */
function add512(a: Uint32Array, b: Uint32Array): void {
  let carry = 0;
  for (let i = 0; i < 16; i++) {
    const sum = a[i]! + b[i]! + carry;
    a[i] = sum >>> 0;
    carry = sum > 0xffffffff ? 1 : 0;
  }
}

class State {
  readonly h = new Uint32Array(16);
  readonly n = new Uint32Array(16);
  readonly sigma = new Uint32Array(16);
  private readonly k = new Uint32Array(16);
  private readonly s = new Uint32Array(16);
  private readonly tmp = new Uint32Array(16);

  /** h = g_N(h, m) = E(LPS(h ⊕ N), m) ⊕ h ⊕ m. */
  compress(n: Uint32Array, m: Uint32Array): void {
    const { h, k, s, tmp } = this;
    xorInto(tmp, h, n);
    lps(tmp, k);
    xorInto(s, k, m);
    for (let r = 0; r < 12; r++) {
      lps(s, tmp);
      xorInto(s, k, ROUND_C[r]!);
      lps(s.slice(), k);
      // s held K ⊕ C_r for the key schedule; the state is LPS(old s) ⊕ K_{r+1}.
      xorInto(s, tmp, k);
    }
    for (let i = 0; i < 16; i++) h[i] = h[i]! ^ s[i]! ^ m[i]!;
  }
}

const ZERO = new Uint32Array(16);

function wordsOf(bytes: Uint8Array, at: number, out: Uint32Array): void {
  for (let i = 0; i < 16; i++) {
    const o = at + i * 4;
    out[i] = (bytes[o]! | (bytes[o + 1]! << 8) | (bytes[o + 2]! << 16) | (bytes[o + 3]! << 24)) >>> 0;
  }
}

function digest(data: Uint8Array, bits: 512 | 256): Uint8Array {
  const st = new State();
  if (bits === 256) st.h.fill(0x01010101);
  const m = new Uint32Array(16);
  const blockBits = new Uint32Array(16);
  blockBits[0] = 512;
  let at = 0;
  // The standard takes the least significant 512 bits first: in little-endian memory, the start.
  for (; data.length - at >= 64; at += 64) {
    wordsOf(data, at, m);
    st.compress(st.n, m);
    add512(st.n, blockBits);
    add512(st.sigma, m);
  }
  const last = new Uint8Array(64);
  last.set(data.subarray(at));
  last[data.length - at] = 0x01;
  wordsOf(last, 0, m);
  st.compress(st.n, m);
  const tailBits = new Uint32Array(16);
  tailBits[0] = (data.length - at) * 8;
  add512(st.n, tailBits);
  add512(st.sigma, m);
  st.compress(ZERO, st.n);
  st.compress(ZERO, st.sigma);
  const out = new Uint8Array(64);
  for (let i = 0; i < 16; i++) {
    const w = st.h[i]!;
    out[i * 4] = w & 0xff;
    out[i * 4 + 1] = (w >>> 8) & 0xff;
    out[i * 4 + 2] = (w >>> 16) & 0xff;
    out[i * 4 + 3] = (w >>> 24) & 0xff;
  }
  // The 256-bit digest is the most significant half of the state: bytes 32…63 in memory.
  return bits === 512 ? out : out.slice(32);
}

/** Streebog-512 of `data`, as the bytes of implementations (little-endian). */
export function streebog512(data: Uint8Array): Uint8Array {
  return digest(data, 512);
}

/** Streebog-256 of `data`, as the bytes of implementations (little-endian). */
export function streebog256(data: Uint8Array): Uint8Array {
  return digest(data, 256);
}
