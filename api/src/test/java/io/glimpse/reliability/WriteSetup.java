package io.glimpse.reliability;

/**
 * The jar started on its private PostgreSQL with an admin and eight users to write as: what the
 * scenarios under write load begin with.
 */
record WriteSetup(Http http, Ledger ledger, ReadModels readModels) {

    static WriteSetup start(GlimpseJar jar, PrivatePostgres postgres, String users) throws Exception {
        jar.start();
        Http http = new Http(jar.port());
        String admin = Ledger.user(Ledger.signUp(http, GlimpseJar.ADMIN)).token();
        Ledger ledger = new Ledger();
        WriteLoad.seed(http, ledger, users, 8);
        return new WriteSetup(http, ledger, new ReadModels(http, admin, postgres::connect));
    }
}
