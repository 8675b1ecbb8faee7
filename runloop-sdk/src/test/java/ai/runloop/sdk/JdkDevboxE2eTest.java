package ai.runloop.sdk;

/** The devbox end-to-end suite on the JDK transport. */
class JdkDevboxE2eTest extends AbstractDevboxE2e {
    @Override
    protected String transport() {
        return "jdk";
    }
}
