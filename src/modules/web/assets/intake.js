// The counter intake (cases/web/intake.tsx): while the officer types a field of the application form
// marked data-capital-latin, say at once whether it is in capital Latin letters. The rule is the
// policy's (isCapitalLatin in policy/domain/tolerance-admissibility.ts): Czech capital letters, digits
// and the punctuation of names and addresses, with at least one letter or digit. The server's answer
// decides; this only saves a round trip. Works on any page that has such fields; no inline script.
(() => {
  const ALLOWED = /^[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ0-9 .,'’()/:;\n-]*$/u;
  const SOME = /[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ0-9]/u;
  const isCapitalLatin = (raw) => {
    const text = raw.normalize('NFC');
    return ALLOWED.test(text) && SOME.test(text);
  };
  for (const input of document.querySelectorAll('input[data-capital-latin]')) {
    const out = document.getElementById(`${input.id}-live`);
    if (!out) continue;
    const ok = out.getAttribute('data-ok') ?? '';
    const bad = out.getAttribute('data-bad') ?? '';
    const check = () => {
      const v = input.value;
      if (!v) {
        out.textContent = '';
        out.className = 'capital-live';
        return;
      }
      const good = isCapitalLatin(v);
      out.textContent = good ? ok : bad;
      out.className = good ? 'capital-live capital-live--ok' : 'capital-live capital-live--bad';
    };
    input.addEventListener('input', check);
    check();
  }
})();
