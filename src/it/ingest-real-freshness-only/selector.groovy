// The real artifacts live in the shared corpus beside the project (../shared), never in the project itself.
def artifacts = new File(sharedDir, 'dbt-artifacts/real-1.0.1-bigquery-source-freshness-runtime-error')
if (!new File(artifacts, 'manifest.json').isFile()) {
    String message = '[WARNING] ingest-real-freshness-only skipped: ' + artifacts +
            ' is absent (the shared dbt artifacts corpus is not beside this project).'
    println message
    // The invoker sends System.out to build.log; say it on the console too, where the SKIPPED line is.
    new PrintStream(new FileOutputStream(FileDescriptor.err), true).println(message)
    return false
}
return true
