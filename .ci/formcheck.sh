#!/usr/bin/env bash
# Forms in a real browser: renders the assessment schema with its UI
# schemas in react-jsonschema-form and JSON Forms (headless Chromium,
# ../shared/tools/formcheck), fills them in as a person would and hands
# what the form gives back to examples/evaluate. Fails when an answer lands
# anywhere but its own place, when the decoder refuses a form's document,
# when an untouched form comes back with any answer, or when an opened
# assessment does not show every value.
#
# Runs (each with both renderers and both UI schemas):
#   filled     nl 2020-12, en draft-07  filled from examples/data/ind-after.json
#   untouched  nl draft-07, en 2020-12  only organisation, date and assessor filled in
#   opened     nl 2020-12               ind-after.json opened as an existing assessment
# Both languages and both dialects are each covered by a filled and an
# untouched run; the full 2x2x3 matrix takes about three times as long.
# FORMCHECK_FULL=1 runs it all; FORMCHECK_RUNS="kind lang dialect;..." picks runs.
#
#   bash .ci/formcheck.sh          (from .ci/run, or by hand)
set -euo pipefail
echo "== 6. formcheck: the assessment forms in headless Chromium"
cd "$(dirname "$0")/.."
repo=$(pwd)
src=${FORMCHECK_SRC:-$repo/../shared/tools/formcheck}

if ! command -v chromium >/dev/null && [ ! -x /usr/bin/chromium ]; then
  echo "== formcheck: installing chromium"
  apt-get update -qq && apt-get install -y -qq chromium
fi
if ! command -v node >/dev/null; then
  echo "formcheck: node is not installed (apt-get install nodejs npm)" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$src" "$work/fc"
(cd "$work/fc" && { npm ci --no-audit --no-fund --loglevel=error || npm install --no-audit --no-fund --loglevel=error; }) >"$work/npm.log" 2>&1 ||
  { cat "$work/npm.log"; exit 1; }
node -e "require('$work/fc/build.js').build({quiet:true})"

go build -o "$work/schema" ./examples/schema
go build -o "$work/evaluate" ./examples/evaluate
# FORMCHECK_OUT=DIR keeps the summaries, screenshots and form data there.
out=${FORMCHECK_OUT:-$work/out}
mkdir -p "$work/s" "$out"
for l in nl en; do
  "$work/schema" -doc assessment -lang $l -ui >"$work/s/rjsf.$l.json"
  "$work/schema" -doc assessment -lang $l -ui=jsonforms >"$work/s/jsonforms.$l.json"
  for d in 2020-12 07; do
    "$work/schema" -doc assessment -lang $l -draft $d >"$work/s/assessment.$l.$d.json"
  done
done
sample=$repo/examples/data/ind-after.json
# The untouched form: what a person types besides the questions.
node -e '
  const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  d.answers = {};
  require("fs").writeFileSync(process.argv[2], JSON.stringify(d));' "$sample" "$work/untouched.json"
# The decoder: the report next to the data, for the checks below.
cat >"$work/decode.sh" <<EOF
"$work/evaluate" -format json "\$1" >"\$1.report.json"
EOF

# react-jsonschema-form answers every untouched oneOf with its first
# option unless told not to (README: known limits).
# FORMCHECK_RJSF_PROPS='{}' shows what it does by default.
rjsfProps=${FORMCHECK_RJSF_PROPS:-'{"experimental_defaultFormStateBehavior":{"constAsDefaults":"skipOneOf"}}'}

run() { # kind lang dialect
  local kind=$1 l=$2 d=$3 dir="$out/$1.$2.$3"
  local args=("$work/s/assessment.$l.$d.json" "$dir" --no-build --rjsf-props "$rjsfProps"
    --uischema "rjsf=$work/s/rjsf.$l.json" --uischema "jsonforms=$work/s/jsonforms.$l.json"
    --decode "sh $work/decode.sh")
  case $kind in
    filled) args+=(--fill-from "$sample") ;;
    untouched) args+=(--fill-from "$work/untouched.json") ;;
    # rjsf reports data only on a change: change one comment, as a
    # person checking an assessment would.
    opened) args+=(--data "$sample" --fill-override '{"/answers/GG01-1/comment": "Nagekeken."}') ;;
  esac
  local t0=$SECONDS try
  for try in 1 2; do
    node "$work/fc/check.js" "${args[@]}" >"$dir.json" 2>"$dir.log" || true
    # The harness gives a click 5 s; on a machine under heavy load that
    # can run out before the page settles. Such a run says nothing about
    # the form: run it once more.
    grep -q '"harnessError"' "$dir.json" || break
    echo "formcheck: $kind $l $d: harness timed out, once more"
  done
  echo "formcheck: $kind $l $d: $((SECONDS - t0)) s"
}

start=$SECONDS
runs=("filled nl 2020-12" "filled en 07" "untouched nl 07" "untouched en 2020-12" "opened nl 2020-12")
if [ -n "${FORMCHECK_RUNS:-}" ]; then # e.g. "opened nl 2020-12;filled en 07"
  IFS=';' read -r -a runs <<<"$FORMCHECK_RUNS"
elif [ "${FORMCHECK_FULL:-}" = 1 ]; then
  runs=()
  for k in filled untouched opened; do for l in nl en; do for d in 2020-12 07; do runs+=("$k $l $d"); done; done; done
fi
# Two at a time: each run waits on the browser most of the time.
for ((i = 0; i < ${#runs[@]}; i += 2)); do
  run ${runs[i]} &
  if ((i + 1 < ${#runs[@]})); then run ${runs[i + 1]} & fi
  wait
done
echo "formcheck: ${#runs[@]} runs in $((SECONDS - start)) s"

# Judge every run; print the table of the README.
node - "$out" "$sample" "${runs[@]}" <<'EOF'
const fs = require('fs'), path = require('path');
const [out, samplePath, ...runs] = process.argv.slice(2);
const sample = JSON.parse(fs.readFileSync(samplePath, 'utf8'));
const criteria = Object.keys(sample.answers).length;
let failed = 0;
console.log('| run | renderer | answers in place | decodes | answered |');
console.log('|---|---|---|---|---|');
for (const r of runs) {
  const [kind, lang, dialect] = r.split(' ');
  const name = `${kind}.${lang}.${dialect}`;
  let summary;
  try {
    summary = JSON.parse(fs.readFileSync(path.join(out, name + '.json'), 'utf8'));
  } catch (e) {
    console.log(`| ${name} | - | no summary | | |`);
    console.error(fs.readFileSync(path.join(out, name + '.log'), 'utf8'));
    failed++;
    continue;
  }
  for (const renderer of ['rjsf', 'jsonforms']) {
    const res = summary.results?.[renderer] || {};
    const f = res.fill || {};
    const problems = [];
    if (res.status !== 'rendered') problems.push(`status ${res.status}`);
    if (res.jsErrors?.length) problems.push(`${res.jsErrors.length} page error(s)`);
    // Where the form put each criterion's value.
    const leaves = f.leafResults || [];
    const valueLeaves = leaves.filter((l) => /^\/answers\/[^/]+\/value$/.test(l.pointer));
    const data = (() => {
      try { return JSON.parse(fs.readFileSync(path.join(out, name, `${renderer}-data.json`), 'utf8')); } catch { return null; }
    })();
    let report = null;
    try { report = JSON.parse(fs.readFileSync(path.join(out, name, `${renderer}-data.json.report.json`), 'utf8')); } catch {}
    const decodes = f.decode?.rc === 0 && report !== null;
    if (!decodes) problems.push(`decoder exit ${f.decode?.rc}: ${(f.decode?.stderr || '').trim().split('\n').slice(0, 6).join(' | ')}`);
    if (f.strayCount) problems.push(`${f.strayCount} stray value(s): ${JSON.stringify(f.strays).slice(0, 300)}`);
    let inPlace = '';
    if (kind === 'filled') {
      const placed = valueLeaves.filter((l) => l.placed).length;
      inPlace = `${placed} of ${criteria}`;
      if (valueLeaves.length !== criteria || placed !== criteria) problems.push(`${placed} of ${criteria} answers in place`);
      if (f.placed !== f.planned) problems.push(`${f.placed} of ${f.planned} values in place`);
      if (decodes && report.answered !== criteria) problems.push(`decoded ${report.answered} answers, not ${criteria}`);
    } else if (kind === 'untouched') {
      const given = Object.entries(data?.answers || {}).filter(([, a]) => a && a.value !== undefined);
      inPlace = `${given.length} given`;
      if (given.length) problems.push(`untouched form answered ${given.map(([k, a]) => `${k}=${JSON.stringify(a.value)}`).join(', ')}`);
      if (decodes && report.answered !== 0) problems.push(`decoded ${report.answered} answers, not 0`);
    } else {
      const shown = f.initialValuesShown, all = f.initialValues;
      inPlace = `${shown} of ${all} values shown`;
      if (!(all > 0) || shown !== all) problems.push(`opened: ${shown} of ${all} values shown: ${JSON.stringify(f.initialValuesNotShown).slice(0, 300)}`);
      if (decodes && report.answered !== criteria) problems.push(`decoded ${report.answered} answers, not ${criteria}`);
      if (data?.answers?.['GG01-1']?.comment !== 'Nagekeken.') problems.push('the changed comment did not come back at /answers/GG01-1/comment');
    }
    console.log(`| ${kind} ${lang} ${dialect} | ${renderer} | ${inPlace} | ${decodes ? 'yes' : 'no'} | ${report ? report.answered : '-'} |`);
    for (const p of problems) console.error(`formcheck: FAIL ${name} ${renderer}: ${p}`);
    failed += problems.length ? 1 : 0;
  }
}
if (failed) {
  console.error(`formcheck: ${failed} failing renderer run(s); set FORMCHECK_OUT=DIR to keep logs and screenshots`);
  process.exit(1);
}
EOF
