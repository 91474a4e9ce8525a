// The real artifacts live in the shared corpus beside the project (../shared), never in the project itself.
def artifacts = new File(sharedDir, 'dbt-artifacts/real-fusion-2.0.0-preview.154-snowflake-build-with-sources')
if (!new File(artifacts, 'manifest.json').isFile()) {
    String message = '[WARNING] ingest-real-tests-and-freshness-one-folder skipped: ' + artifacts +
            ' is absent (the shared dbt artifacts corpus is not beside this project).'
    println message
    // The invoker sends System.out to build.log; say it on the console too, where the SKIPPED line is.
    new PrintStream(new FileOutputStream(FileDescriptor.err), true).println(message)
    return false
}
return true
