package ai.runloop.sdk;

/** The storage-object end-to-end suite on the JDK transport. */
class JdkStorageE2eTest extends AbstractStorageE2e {
    @Override
    protected String transport() {
        return "jdk";
    }
}
