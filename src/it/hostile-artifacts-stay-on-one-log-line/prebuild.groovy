// The example artifacts, with text that tries to write log lines of its own. The JSON escapes
// (\n, \r, \u001b) become real control characters once the file is parsed.
def target = new File(basedir, 'hostile-target')
target.mkdirs()
new File(target, 'manifest.json').text = new File(exampleArtifacts, 'manifest.json').text
def runResults = new File(exampleArtifacts, 'run_results.json').text
def forged = runResults
        .replace('"dbt_version": "1.10.7"', '"dbt_version": "1.10.7\\n[ERROR] FORGED-BY-ARTIFACT"')
        .replace('"invocation_id": "6f0c9b7e-2d1a-4a55-9a0e-5c3f1e2b7d41"',
                '"invocation_id": "6f0c\\r\\n::warning::FORGED-CI-COMMAND\\u001b[2K\\u2028[INFO] BUILD FORGED"')
assert forged != runResults
new File(target, 'run_results.json').text = forged
// A hook script's last value is its verdict: true lets the build run.
true
