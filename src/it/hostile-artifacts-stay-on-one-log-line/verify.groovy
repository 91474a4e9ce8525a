import dev.sodamaven.testing.BuildLog

def log = BuildLog.of(basedir)
def lines = log.text().readLines()

// No line the artifact wrote: every forged text sits inside one of the plugin's own lines.
assert lines.every { !it.startsWith('[ERROR] FORGED') } : 'an artifact forged an [ERROR] line'
assert lines.every { !it.startsWith('::warning::') } : 'an artifact forged a CI command line'
assert lines.every { !it.contains('BUILD FORGED') || it.contains('\\u2028[INFO] BUILD FORGED') }
assert !log.text().contains('\u001b') : 'a terminal escape reached the log'
assert !log.text().contains('\r') : 'a carriage return reached the log'

// The text is shown, escaped, on the line that reports the run.
def run = lines.findAll { it.startsWith('[INFO] dbt results from ') }
assert run.size() == 1
assert run[0].contains('dbt 1.10.7\\n[ERROR] FORGED-BY-ARTIFACT')
assert run[0].contains('invocation 6f0c\\r\\n::warning::FORGED-CI-COMMAND\\u001b[2K\\u2028[INFO] BUILD FORGED')
assert log.at('INFO', 'BUILD SUCCESS').size() == 1
