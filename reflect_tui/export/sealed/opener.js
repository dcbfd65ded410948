"use strict";
// Opens a sealed share in the browser: WebCrypto only, nothing loaded, nothing sent.
// The format is in reflect's README ("Sealed share format") and payload.py.
(() => {
  const HEADER_LEN = 42, TAG_LEN = 16, DIGEST_LEN = 32, MAX_ITERATIONS = 10000000;
  const MAGIC = "RFLSHARE";
  const DAMAGED = "This file is damaged or incomplete, so it cannot be opened. " +
    "Ask the clinician to send it again.";
  const NEWER = "This file was sealed by a newer version of reflect. " +
    "Ask the clinician to send it again, or open it with a newer reflect.";
  const WRONG = "That passphrase does not open this file. Check it with the clinician " +
    "(spaces and capitals do not matter) and try again.";
  const NO_CRYPTO = "This browser cannot open sealed files. Open the file in a current " +
    "Firefox, Chrome, Edge or Safari, saved on this computer.";

  const form = document.getElementById("unlock");
  const box = document.getElementById("passphrase");
  const button = document.getElementById("open");
  const message = document.getElementById("message");

  function say(text, kind) {
    message.textContent = text;
    message.className = kind;
    message.setAttribute("role", kind === "problem" ? "alert" : "status");
    box.setAttribute("aria-invalid", kind === "problem" ? "true" : "false");
  }

  const shown = document.getElementById("show");
  shown.addEventListener("change", () => {
    box.type = shown.checked ? "text" : "password";
  });

  class Damaged extends Error {}

  function decode(text) {
    let raw;
    try {
      raw = atob(text.replace(/\s+/g, ""));
    } catch {
      throw new Damaged(DAMAGED);
    }
    const bytes = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return bytes;
  }

  async function read() {
    const element = document.getElementById("reflect-share");
    if (!element) throw new Damaged(DAMAGED);
    const bytes = decode(element.textContent);
    if (bytes.length < HEADER_LEN + TAG_LEN + DIGEST_LEN) throw new Damaged(DAMAGED);
    const body = bytes.subarray(0, bytes.length - DIGEST_LEN);
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", body));
    const stored = bytes.subarray(bytes.length - DIGEST_LEN);
    if (digest.some((b, i) => b !== stored[i])) throw new Damaged(DAMAGED);
    for (let i = 0; i < MAGIC.length; i++) {
      if (bytes[i] !== MAGIC.charCodeAt(i)) throw new Damaged(DAMAGED);
    }
    const view = new DataView(bytes.buffer, bytes.byteOffset, HEADER_LEN);
    const version = view.getUint8(8), kdf = view.getUint8(9);
    const iterations = view.getUint32(10);
    if (version > 1) throw new Damaged(NEWER);
    if (version !== 1 || kdf !== 1 || iterations < 1 || iterations > MAX_ITERATIONS) {
      throw new Damaged(DAMAGED);
    }
    return {
      header: bytes.slice(0, HEADER_LEN),
      iterations,
      salt: bytes.slice(14, 30),
      nonce: bytes.slice(30, 42),
      sealed: bytes.slice(HEADER_LEN, bytes.length - DIGEST_LEN),
    };
  }

  // The same as payload.normalise: a passphrase said aloud has no case or spacing.
  const BETWEEN_WORDS =
    /[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;
  function normalise(passphrase) {
    const words = passphrase.normalize("NFC").split(BETWEEN_WORDS).filter((w) => w);
    return words.join(" ").toLowerCase().normalize("NFC");
  }

  async function open(share, passphrase) {
    const material = await crypto.subtle.importKey(
      "raw", new TextEncoder().encode(normalise(passphrase)), "PBKDF2", false, ["deriveKey"]);
    const key = await crypto.subtle.deriveKey(
      { name: "PBKDF2", hash: "SHA-256", salt: share.salt, iterations: share.iterations },
      material, { name: "AES-GCM", length: 256 }, false, ["decrypt"]);
    let plain;
    try {
      plain = await crypto.subtle.decrypt(
        { name: "AES-GCM", iv: share.nonce, additionalData: share.header, tagLength: 128 },
        key, share.sealed);
    } catch {
      return null;
    }
    // The document is zlib-compressed JSON (RFC 1950: "deflate" to the browser).
    const stream = new Blob([plain]).stream().pipeThrough(new DecompressionStream("deflate"));
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    const inner = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
    if (inner.format !== "reflect-share-document" || typeof inner.html !== "string") {
      throw new Damaged(DAMAGED);
    }
    if (inner.version !== 1) throw new Damaged(NEWER);
    return inner;
  }

  function show(html) {
    const doc = new DOMParser().parseFromString(html, "text/html");
    document.title = doc.title;
    document.documentElement.lang = doc.documentElement.lang || "en";
    document.head.replaceWith(document.adoptNode(doc.head));
    document.body.replaceWith(document.adoptNode(doc.body));
    window.scrollTo(0, 0);
  }

  let share = null;

  async function start() {
    say("", "");
    if (!window.crypto || !crypto.subtle || typeof DecompressionStream !== "function") {
      say(NO_CRYPTO, "problem");
      button.disabled = true;
      return;
    }
    try {
      share = await read();
    } catch (problem) {
      say(problem instanceof Damaged ? problem.message : DAMAGED, "problem");
      box.disabled = true;
      button.disabled = true;
      return;
    }
    box.disabled = false;
    button.disabled = false;
    box.focus();
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!share) return;
    if (!normalise(box.value)) {
      say("Type the passphrase the clinician gave you.", "problem");
      box.focus();
      return;
    }
    button.disabled = true;
    say("Opening\u2026", "working");
    let document_;
    try {
      document_ = await open(share, box.value);
    } catch (problem) {
      say(problem instanceof Damaged ? problem.message : DAMAGED, "problem");
      return;
    }
    if (document_ === null) {
      button.disabled = false;
      say(WRONG, "problem");
      box.select();
      box.focus();
      return;
    }
    box.value = "";
    show(document_.html);
  });

  start();
})();
