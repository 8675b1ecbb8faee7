/**
 * The Runloop REST client: one service per API resource, the request pipeline and the transport SPI.
 */
module ai.runloop.api {
    requires transitive ai.runloop.model;
}
