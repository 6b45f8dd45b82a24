// Spanish cues (RGPD/LOPDGDD; "derecho de supresión", and "cancelación", the older ARCO word for
// erasure). Folding makes "mí" (me) and "mi" (my) the same word, so "about me" is only taken at the
// end of a clause. Syntax: lib/detect/rules.ts.
import type { PhraseTable } from '../rules';

export const es: PhraseTable = {
  stop: 'el la los las de del y es que mis mi no por para con una un usted gracias su sus en se me lo al como pero esta estoy hola saludos atentamente muy quiero tengo han favor cuando donde porque pueden puedo puede son estan tienen hay ya nuestro nuestra nuestros ustedes le les este estos esa ese todo todos tambien desde hasta sobre mas si hace he ha',
  negators: 'no nunca ni',
  macros: {
    my: '(todos |todas )?(los |las )?(mis|mi)',
    data: '(datos|informacion|info|grabaciones)( personales| de caracter personal| de contacto| de llamadas)?',
    acct: 'cuenta( de usuario| de cliente)?|perfil|usuario',
    field: '{data}|nombre|(primer |segundo )?apellidos?|direccion( de correo( electronico)?| postal)?|correo( electronico)?|e-?mail|fecha de nacimiento|dni|nif|telefono|numero de telefono|movil',
    // "sobre mí" ends a clause or is followed by a conjunction; "sobre mi pedido" is "about my order".
    me: '(sobre|acerca de|de|respecto a) mi(?=\\s*([,.;:!?)]|$|(y|o|e|que|para|porque|en|desde) ))|que me (concierne|afecta)*|a mi nombre|mios|mias',
  },
  combine: {
    self: "(mi|mis)( \\w+){0,2} (datos|informacion|info|cuenta|perfil|nombre|apellidos?|direccion|correo|e-?mail|telefono|movil|dni|historial|expediente|fotos?|imagen|ubicacion|registros?|fecha de nacimiento)|{me}",
    block: "\\w*(adjunt|ticket|factur|informe|pedido|reserva|contrasena|suscripcion|carrito|borrador|duplicad)\\w*|(ultimo|anterior) (mensaje|correo)",
    verbs: {
      erasure: "(elimin|borr|suprim|destru|olvid)*|no (quede|quedar|conserv|guard)*|ningun (registro|dato|rastro)",
      access: "copia|acceso|listado|(saber|conocer) ~2 (que|cuales|si)|que ~2 (guardan|tienen|conservan|almacenan|saben|tratan)",
      rectification: "(antigu[oa]|anterior|nuev[oa]|actual)|ya no (es|esta) (correct|actualizad|vigent)*|(correg|corrij|rectific|rectifiqu|actualiz|actualic|modific|modifiqu)*|(incorrect|erroneo|erronea|equivocad|desactualizad)*|mal escrit*",
      restriction: "(limit|bloque|suspend|congel)*|(solo|solamente|unicamente|mas que) ~2 (conserv|guard)*|(mientras|hasta que) ~ (resuelv|aclar|verifi|investig|decid|reclamacion)*",
      portability: "(export|descarg|transfer|traslad|portabil)*|(otra|otro|nueva|nuevo) ~2 (compania|empresa|banco|operador|proveedor|comercializadora|aseguradora|servicio)|(formato|archivo) ~3 (import|legible|estructurad)*",
      objection: "(opong|oponer|oposicion|rechaz)*|no (quiero|deseo|autorizo|acepto)|ya no|dejen de",
      "withdraw-consent": "(retir|revoc)*|consentimiento|permiso|autorizacion|no consiento",
    },
  },
  cues: [
    // Art. 17. "Cancelar mi cuenta/pedido" closes a contract; "cancelación de mis datos" (ARCO) erases.
    'e1 elimin*|borr*|suprim*|supresion',
    'e3 (elimin|borr|suprim|destru)* ~ ({my} ({data}|{acct}|{field})|{data} ~ {me})|cancel* ~ {my} {data}',
    'e3 {my} ({data}|{acct}) ~ (eliminad|borrad|suprimid|destruid)*|{my} {data} ~ cancelad*',
    'e3 (supresion|eliminacion|borrado) ~ ({my}|{data}|{acct})|cancelacion ~ {data}|derecho ~2 (supresion|olvido|cancelacion)',
    'e2 (elimin|borr|suprim)* (todo|absolutamente todo)(?=\\s*([,.;!?]|$))',
    'e3 (eliminarme|borrarme|darme de baja) ~ (base de datos|bases de datos|sistemas|registros|ficheros)',
    // Art. 15
    'a1 acceso|copia',
    'a3 derecho ~2 acceso|solicitud de acceso|acce(so|der) ~2 {data}|(copia|listado|relacion|extracto)* ~ {data}',
    'a3 (que|cuales) ~ {data} ~ {me}|(todos|todas|toda|cualquier) ~2 {data} ~6 {me}',
    'a2 (saber|conocer|obtener|recibir|consultar) ~ {my} {data}|si ~2 (tratan|tienen|conservan|almacenan) ~ {my} {data}',
    // Art. 16
    'r1 rectific*|correg*|corrij*|incorrect*|erroneo*|equivocad*',
    'r3 derecho de rectificacion|rectific* ~ ({my}|{data})',
    // Subjunctive spelling changes: actualicen, modifiquen, rectifiquen.
    'r3 (correg|corrij|modific|modifiqu|rectific|rectifiqu|actualiz|actualic|cambi)* ~ {my} ({field})',
    'r2 (correg|corrij|rectific|rectifiqu)* ~2 {data}|(mal|incorrectamente|erroneamente) ~2 {my} ({field})|mi (nueva|nuevo) ({field})',
    'r3 {my} ({field}) ~ (incorrect|erroneo|erronea|mal escrit|equivocad|desactualizad|no es correct|no esta actualizad|incomplet)*',
    'r2 ({field}) ~2 (registrad|guardad|que tienen|en su|en mi)* ~ (incorrect|erroneo|erronea|mal escrit|equivocad)*',
    'n2 direccion de (envio|entrega|facturacion)|direccion ~2 (pedido|paquete|factura|envio)',
    // Art. 18
    's1 limit*|bloque*|suspend*|congel*',
    's3 limitacion ~2 tratamiento|derecho a la limitacion|limit* ~ (tratamiento|uso) ~ {data}|(bloque|suspend|congel|limit)* ~ ({my} {data}|tratamiento)',
    's2 no ~2 (elimin|borr|suprim)* ~ (sino|solo|solamente|unicamente)|(hasta que|mientras) ~ (verifi|aclar|resuelv|resuelt|decid|comprob|investig)*',
    's3 (hasta que|mientras) ~12 no ~2 (utilic|usen|trat|cedan|compart)*',
    's2 reclamacion judicial|accion legal|procedimiento judicial|litigio|defensa de ~2 derechos',
    // Art. 20
    'p1 export*|descarg*',
    'p3 portabilidad|formato estructurado|lectura mecanica|legible por (maquina|ordenador)|de uso comun',
    'p3 (transfer|transmit|traslad|envi|pas|llev|port)* ~ {data} ~ (otro|otra|nuevo|nueva) ~2 (proveedor|compania|empresa|banco|operador|responsable|aseguradora|servicio|plataforma|comercializadora)',
    'p2 {my} {data} ~ (formato|csv|json|xml|excel)',
    'p3 (export|descarg)* ~ {my} {data}|{my} {data} ~ (export|descarg)*',
    'n2 (export|descarg)* ~2 (informe|factura|estadistica|pedido|transaccion|tabla|panel)*',
    // Art. 21 and the marketing opt-out (Art. 21(2))
    'o1 opon*|opong*|oposicion|newsletter|boletin|publicidad|marketing',
    'o3 (me opongo|oponerme|oposicion) ~ (tratamiento|uso|envio|publicidad|perfil*|marketing|mercadotecnia|comunicaciones)|derecho (de|a la) oposicion',
    'o3 (borr|quit|elimin|sac)\\w*me ~ lista*|(darme|dar|den|denme|dame|dadme) de baja ~ (boletin|newsletter|lista|comunicaciones|publicidad|correos|ofertas|mailing|envios|promociones)',
    'o3 no (quiero|deseo) ~2 recibir ~ (publicidad|boletin|newsletter|correos|comunicaciones|ofertas|promociones|sms|llamadas|mensajes|e-?mails)|(dejen|deje|dejad) de ~ (enviar|llamar|usar|utilizar|tratar|mandar)*',
    'o3 no ~2 (envi|mand|llam|contact|escrib)* ~3 (publicidad|publicitari|promocion|comercial|ofertas|boletin|newsletter|mas)*',
    'o3 lista robinson|(no me|no vuelvan a) ~2 (llamen|llamar|contacten|contactar|escriban)',
    'o3 (no|dejen de|deje de) ~4 (ced|vend|compart|transmit|comuniq)* ~4 {data}|(no|dejen de) ~4 {data} ~4 (cedid|vendid|compartid|transmitid|comunicad)*',
    'o2 elaboracion de perfiles|perfilado|mercadotecnia directa|publicidad personalizada',
    // Art. 7(3)
    'w1 consentimiento*|revoc*',
    'w2 (retir|revoc)* ~ (autorizacion|permiso)|(autorizacion|permiso) ~ (retirad|revocad)*',
    'w3 (retir|revoc|anul)* ~ consentimiento|consentimiento ~ (retirad|revocad|anulad)*|retirada ~2 consentimiento|ya no ~3 consent*|no (doy|presto|otorgo) ~2 consentimiento|no consiento',
    // Context
    'l1 lopd*|aepd|proteccion de datos',
    'd1 {my} {data}|datos (personales|de caracter personal)|{me}',
    'q1 solicito|(por|mediante) (el|la) presente|en virtud|conforme|de acuerdo con|plazo ~2 (mes|dias)|ejerc* ~ derecho|exijo|requiero',
    // A business customer asking about GDPR
    'n3 (son|es|estan|cumplen) ~2 (conformes?|cumplen|compatibles?) ~2 (rgpd|normativa|gdpr)|cumplimiento ~2 rgpd|cumplen ~2 rgpd',
    'n3 encargad* del tratamiento|contrato de encargo|subencargad*|clausulas contractuales tipo|cuestionario de seguridad',
    'n2 donde ~ (alojad|servidor|centro de datos|hosting)*|servidores? ~2 (europa|ue|espana)',
    'n3 (nuestros|nuestras) (clientes|usuarios|empleados|trabajadores|pacientes|socios|clientas)|en nombre de ~2 (cliente|empresa)|un (cliente|usuario) nuestro|un (cliente|usuario|empleado|trabajador|socio) nos|de (un|una) interesad[oa]',
    'n2 contrasena|iniciar sesion|tarjeta de credito|iban',
    // Housekeeping
    'n2 duplicad*',
    'n2 (elimin|borr|cancel|anul|suprim)* ~2 (ticket|adjunto|archivo|fichero|mensaje|pedido|factura|informe|comentario|carrito|reserva|cita|borrador|resena)*',
    'n2 desistimiento',
    'n3 usted tiene derecho|tiene (usted )?derecho a|sus derechos',
    'o2 me opongo',
    'n2 este (mensaje|correo) ~ confidencial',
    // Un comerciante que pregunta por los datos de sus propios clientes (el responsable es él).
    'n3 (mis) (clientes|suscriptores|socios)|un(a)? client[ea] de (mi|nuestra) (tienda|empresa|negocio)|un suscriptor ha|somos (los )?responsables? del tratamiento',
    'n3 portabilidad ~2 (numero|linea|movil)|portar ~2 (numero|linea)',
    // Derecho del consumidor y facturas: cargo disputado, baja de un servicio, copia de factura.
    'n2 contracargo|(reclam|disput|desconoc)* ~2 (cargo|cobro|pago|transaccion)|cobrado dos veces|reembolso',
    'n2 (baja|cancelar|cancelacion) ~2 (servicio|contrato|suscripcion|linea|tarifa|abono)',
    'n2 (copia|duplicado) ~2 (factura|facturas|recibo|ticket)',
    'n3 (me opongo|oposicion|recurso) ~2 (subida|aumento|multa|sancion|cargo|recargo|factura)|(boton|enlace|pagina) ~3 (error|bug|no funciona|falla)|(reportar|informar|aviso) ~2 (un |del )?(bug|fallo|error)',
    // Frases sin la palabra legal: un archivo que otro programa pueda leer, una ficha que corregir.
    'p3 (formato|archivo|fichero) ~4 (procesar|importar|leer|abrir|estandar|electronico|compatible)|(llevarme|llevar|pasar) ~3 (todo|mis (datos|contactos|historial|fotos))|(envi|mand|pas|traslad)* ~4 (al|a la|a) ~2 (nuevo|nueva) (proveedor|compania|empresa|banco|operador|aseguradora)',
    'p2 hoja de calculo|vcard|ics|mbox',
    'r3 (actualic|actualiz|arregl|corrij|correg|rectific|rectifiqu|cambi|modific|modifiqu)* ~6 (ficha|registros?|base de datos|el dato|los datos|estado civil)',
    'a3 (saber|conocer) ~3 (que|cual|cuanta|cuales) ~3 (informacion|datos) ~3 (mia|mios|personal|personales)',
    's3 (quede|queden|este|esten) (apartad|bloquead|suspendid|congelad)*|no quiero que ~6 (se utilice|se use|se usen|se utilicen|utilicen|usen)',
    // En nombre de otro (padre, heredero, abogado) y sobre objetos concretos: los mismos derechos.
    'e3 (borr|elimin|suprim|destru)* ~ (su|sus) ~2 ({data}|{acct})|(borr|elimin|suprim)* ~2 todo lo mio',
    'e2 (borr|elimin|suprim|destru)* ~ (cv|curriculum|candidatura|fotos?|grabacion\\w*|imagenes|videos?)|(cv|curriculum|candidatura|fotos?) ~8 (borr|elimin|suprim|destru)*',
    'a3 (copia|recibir|ver|pasar|enviar|mandar|acceso|obtener) ~ (grabacion\\w*|imagenes|registros?|notas|expediente|videos?|conversacion\\w*)',
    // Conservar una cuenta que se sigue usando: no es una solicitud.
    'n2 (todavia|aun) (la|lo) uso|(la|lo) sigo usando|sigo usando (la cuenta|mi cuenta|la app)',
  ],
};
