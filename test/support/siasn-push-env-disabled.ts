/** As siasn-push-env, but with SIASN_ENABLED unset: the engine knows where SIASN is and must not call it. */
import './siasn-push-env';

delete process.env.SIASN_ENABLED;
