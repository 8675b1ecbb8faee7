package ai.runloop.sdk;

/** The resources end-to-end suite on the JDK transport. */
class JdkResourcesE2eTest extends AbstractResourcesE2e {
    @Override
    protected String transport() {
        return "jdk";
    }
}
