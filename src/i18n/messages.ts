/** Messages shared by every widget. Each widget keeps its own catalog beside it. */
import type { Catalog } from './locale.js';

export type SharedMessage =
  | 'loading'
  | 'offline'
  | 'offlineCached'
  | 'serverError'
  | 'contractError'
  | 'tryAgain'
  | 'notPersistent'
  | 'memoryMode'
  | 'errorPrefix'
  | 'errorSummaryTitle'
  | 'language'
  | 'reference'
  | 'referenceHint'
  | 'originRefused'
  | 'originRefusedFix'
  | 'originRefusedVisitor';

export const sharedMessages: Catalog<SharedMessage> = {
  en: {
    loading: 'Loading…',
    offline: 'You seem to be offline. Nothing you typed is lost.',
    offlineCached: 'You are offline. Showing information saved {age}.',
    serverError: 'Something went wrong on our side. Nothing you typed is lost; please try again in a moment.',
    contractError: 'We received an answer we could not read. Please try again, or call us.',
    tryAgain: 'Try again',
    notPersistent: 'This device won’t keep a draft of your answers, so please finish in one go.',
    memoryMode: 'Shared-device mode: nothing you type is saved on this device.',
    errorPrefix: 'Error:',
    errorSummaryTitle: 'There is a problem',
    language: 'Language',
    reference: 'Your reference:',
    referenceHint: 'Please give it if you call us.',
    originRefused: 'This page is not set up to use the center’s online forms yet: the center’s server ({api}) does not accept requests from {origin}.',
    originRefusedFix:
      'If you manage this website: sign in to the center console at {console}, open Settings, then Embedding, and add {origin} to the websites allowed to show the forms. If the server is started with IOP_ALLOWED_ORIGINS, add it there instead; that setting wins.',
    originRefusedVisitor: 'If you came here for help, please call the center. If you are in crisis, call or text 988.',
  },
  es: {
    loading: 'Cargando…',
    offline: 'Parece que no tiene conexión. No se ha perdido nada de lo que escribió.',
    offlineCached: 'No tiene conexión. Mostramos la información guardada {age}.',
    serverError: 'Algo salió mal de nuestro lado. No se ha perdido nada de lo que escribió; inténtelo de nuevo en un momento.',
    contractError: 'Recibimos una respuesta que no pudimos leer. Inténtelo de nuevo o llámenos.',
    tryAgain: 'Intentar de nuevo',
    notPersistent: 'Este dispositivo no guardará un borrador de sus respuestas; por favor, termine de una vez.',
    memoryMode: 'Modo de dispositivo compartido: nada de lo que escriba se guarda en este dispositivo.',
    errorPrefix: 'Error:',
    errorSummaryTitle: 'Hay un problema',
    language: 'Idioma',
    reference: 'Su número de referencia:',
    referenceHint: 'Por favor, menciónelo si nos llama.',
    originRefused: 'Esta página todavía no está configurada para usar los formularios en línea del centro: el servidor del centro ({api}) no acepta solicitudes de {origin}.',
    originRefusedFix:
      'Si usted administra este sitio web: inicie sesión en la consola del centro en {console}, abra Configuración y luego Inserción en sitios web, y agregue {origin} a los sitios que pueden mostrar los formularios. Si el servidor se inicia con IOP_ALLOWED_ORIGINS, agréguelo allí; esa opción tiene prioridad.',
    originRefusedVisitor: 'Si vino a buscar ayuda, por favor llame al centro. Si está en crisis, llame o envíe un mensaje de texto al 988.',
  },
};
